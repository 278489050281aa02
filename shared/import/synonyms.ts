/**
 * Headers offices write for the same column, as data. These are the ones every program shares
 * (a 身份证号 is a 身份证号 whatever the program); a pack adds its own per import
 * (`imports[].columns[].headers`), and a field's label on the paper form always counts. Keys are
 * the field ids the packs use for these facts.
 */
export const SHARED_HEADERS: Readonly<Record<string, readonly string[]>> = {
  rowNo: ['序号', '序', '编号序号', 'No', 'No.', '行号'],
  name: ['姓名', '名字', '申报人', '申报人姓名', '申请人', '申请人姓名', '人员姓名', '持证人姓名'],
  personName: ['姓名', '名字', '人员姓名'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '公民身份证号码', '居民身份证号码', '身份证件号码', '身份证件号', '证件号码', '证件号', '身份证', '身份号码'],
  sex: ['性别'],
  birthMonth: ['出生年月', '出生日期', '出生年月日', '出生时间', '出生'],
  phone: ['联系电话', '本人联系电话', '电话', '电话号码', '手机', '手机号', '手机号码', '移动电话', '联系方式'],
  employer: ['工作单位', '所在单位', '单位', '单位名称', '工作单位全称', '任职单位'],
  remarks: ['备注', '说明', '备注说明'],
  certificateNo: ['证书编号', '证书号', '证书号码', '资格证书编号'],
  registrationKind: ['登记类别', '登记类型', '登记种类'],
  registeredOn: ['登记日期', '登记时间'],
  validUntil: ['有效期至', '证书有效期至', '有效期截止', '有效期截止日期', '有效期', '到期日期'],
  educationHours: ['继续教育学时', '继续教育学时数', '学时', '学时数'],
};

/**
 * A header as compared: full-width to half-width, no spaces or line breaks anywhere (headers are
 * often padded or wrapped: "出 生\n年 月"), no required-field marks (*, ※), no trailing notes in
 * brackets ("身份证号码（18位）", "出生年月(YYYY年MM月)"), ASCII lower-cased.
 */
export function normaliseHeader(text: string): string {
  let s = text.normalize('NFKC');
  s = s.replace(/[\s\u200B-\u200D\u2060\uFEFF\u3000]/g, '');
  s = s.replace(/^[*※★#]+|[*※★]+$/g, '');
  // Notes in brackets, wherever they are: 专业工作年限（实足年限，计算到…）, 学历（最高学历）.
  let previous = '';
  while (previous !== s) {
    previous = s;
    s = s.replace(/[(（[【][^()（）[\]【】]*[)）\]】]/g, '');
  }
  s = s.replace(/[:：]$/, '');
  return s.toLowerCase();
}
