/**
 * UI strings of one area (org: organisations as applicants — the picker, their applications and
 * certificates on the 单位 page). Chinese is the reference; English must have every key (the type
 * says so). Keys start with the area's prefix so areas never collide.
 */
export const zh = {
  'org.picker.selected': '申请单位',
  'org.picker.change': '更换单位',
  'org.picker.hint': '输入统一社会信用代码后按回车；也可输入单位名称查找已登记的单位',
  'org.picker.notFound': '未找到统一社会信用代码 {creditCode}，请登记新单位',
  'org.picker.matches': '找到以下已登记单位，请选择：',
  'org.picker.noMatch': '没有找到名称以“{query}”开头的单位；请输入统一社会信用代码登记新单位',
  'org.actions': '操作',
  'org.newApplication': '新建申请',
  'org.applications': '申请',
  'org.certificates': '证书',
  'org.noApplications': '尚无申请',
  'org.noCertificates': '尚无证书',
  'org.app.no': '申请编号',
  'org.app.program': '业务',
  'org.app.kind': '办理类型',
  'org.app.received': '收件日期',
  'org.app.status': '状态',
  'org.cert.no': '证书编号',
  'org.cert.issuedOn': '发证日期',
  'org.cert.validUntil': '有效期至',
  'org.cert.level': '等级',
  'org.open': '打开',
};

export const en: Record<keyof typeof zh, string> = {
  'org.picker.selected': 'Applicant organisation',
  'org.picker.change': 'Change organisation',
  'org.picker.hint': 'Type the unified social credit code and press Enter; or type a name to find an organisation on file',
  'org.picker.notFound': 'Credit code {creditCode} is not on file; register the organisation',
  'org.picker.matches': 'Organisations on file; choose one:',
  'org.picker.noMatch': 'No organisation on file has a name starting with “{query}”; enter the credit code to register a new one',
  'org.actions': 'Actions',
  'org.newApplication': 'New application',
  'org.applications': 'Applications',
  'org.certificates': 'Certificates',
  'org.noApplications': 'No applications yet',
  'org.noCertificates': 'No certificates yet',
  'org.app.no': 'Application no.',
  'org.app.program': 'Program',
  'org.app.kind': 'Kind',
  'org.app.received': 'Received',
  'org.app.status': 'Status',
  'org.cert.no': 'Certificate no.',
  'org.cert.issuedOn': 'Issued',
  'org.cert.validUntil': 'Valid until',
  'org.cert.level': 'Level',
  'org.open': 'Open',
};
