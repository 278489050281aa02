/**
 * One application: a summary line (number, applicant, program, status, deadline) and a tab per
 * part of the paper file. Each tab receives the live file and the engine's evaluation of it.
 * The open tab is kept in the URL (`?tab=checklist`) so a reload returns to it.
 */
import { Alert, Button, Card, Descriptions, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { AttachmentsTab } from '../features/applications/AttachmentsTab';
import { BindingTab } from '../features/applications/BindingTab';
import { ChecklistTab } from '../features/applications/ChecklistTab';
import { DocumentsMenu } from '../features/applications/DocumentsMenu';
import { EducationTab } from '../features/applications/EducationTab';
import { ApplicationFormTab } from '../features/applications/FormTab';
import { HistoryTab } from '../features/audit/HistoryTab';
import { WorkflowTab } from '../features/workflow/WorkflowTab';
import { useT } from '../i18n';
import { formatIsoDate } from '../i18n/format';
import { useApplicationFile } from '../features/applications/file';
import { useUi } from '../stores/ui';
import { stateOf } from '../../../shared/workflow/lookup';
import { deadlineSeverity } from '../../../shared/workflow/deadlines';
import { langOf, ruleText } from '../i18n';

const SEVERITY_COLOUR = { late: 'red', done: 'green', running: 'gold' } as const;

export function ApplicationPage() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  const { id } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { file, result, calendar } = useApplicationFile(id);

  if (file === undefined) return <Spin />;
  if (file === null) return <Alert type="warning" showIcon title={t('file.notFound')} />;
  if (result === undefined) return <Alert type="error" showIcon title={t('file.unknownProgram', { programId: file.application.programId })} />;

  const { application, person, organisation } = file;
  const { pack, evaluation } = result;
  const definition = pack.workflows[application.kind];
  const state = stateOf(definition, application.status);
  const kind = pack.applicationKinds.find((k) => k.id === application.kind);
  const missing = evaluation.checklist.missing.length + evaluation.checklist.rejected.length;
  const props = { file, result, calendar };
  const hasBinding = evaluation.binding !== null;
  const hasEducation = pack.education !== undefined;

  const items = [
    { key: 'form', label: t('file.tab.form'), children: <ApplicationFormTab {...props} /> },
    {
      key: 'checklist',
      label: (
        <Space size={4}>
          {t('file.tab.checklist')}
          {evaluation.checklist.complete ? <Tag color="green">{t('file.checklistComplete')}</Tag> : <Tag color="orange">{t('file.checklistMissing', { count: missing })}</Tag>}
        </Space>
      ),
      children: <ChecklistTab {...props} />,
    },
    ...(hasBinding ? [{ key: 'binding', label: t('file.tab.binding'), children: <BindingTab {...props} /> }] : []),
    ...(hasEducation ? [{ key: 'education', label: t('file.tab.education'), children: <EducationTab {...props} /> }] : []),
    { key: 'attachments', label: t('file.tab.attachments'), children: <AttachmentsTab {...props} /> },
    { key: 'workflow', label: t('file.tab.workflow'), children: <WorkflowTab {...props} /> },
    { key: 'history', label: t('file.tab.history'), children: <HistoryTab {...props} /> },
  ];
  const tab = items.some((i) => i.key === params.get('tab')) ? params.get('tab')! : 'form';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space orientation="vertical" size={4}>
            <Space>
              <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('file.back')} />
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="application-no">
                {application.applicationNo}
              </Typography.Title>
              <Tag color="blue" data-testid="application-status">
                {state ? state.name[lang] : application.status}
              </Tag>
              {evaluation.deadline && (
                <Tag color={SEVERITY_COLOUR[deadlineSeverity(evaluation.deadline)]} data-testid="application-deadline">
                  {ruleText(evaluation.deadline.label, locale)}
                </Tag>
              )}
            </Space>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, xxl: 4 }}
              items={[
                {
                  key: 'applicant',
                  label: t('file.applicant'),
                  // One item of the row: the name wraps before the ID number, never inside it.
                  children: person ? (
                    <span>
                      {person.name}
                      <span style={{ whiteSpace: 'nowrap' }}>{t('file.idInParens', { id: person.idNumber })}</span>
                    </span>
                  ) : (
                    (organisation?.name ?? '—')
                  ),
                },
                { key: 'program', label: t('file.program'), children: pack.names[lang] },
                { key: 'kind', label: t('file.kind'), children: kind ? kind.names[lang] : application.kind },
                { key: 'received', label: t('file.received'), children: formatIsoDate(application.receivedDate, locale) },
                // The certificate a renewal, change, reissue or cancellation acts on (issue 13).
                ...(application.certificateId
                  ? [
                      {
                        key: 'certificate',
                        label: t('lifecycle.applications.certificate'),
                        children: (
                          <Link to={`/certificates/${application.certificateId}`} data-testid="acted-on-certificate">
                            {application.previousCertificate?.certificateNo ?? t('lifecycle.applications.open')}
                          </Link>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Space>
          <DocumentsMenu {...props} />
        </Space>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams((p) => {
          const next = new URLSearchParams(p);
          next.set('tab', key);
          return next;
        }, { replace: true })}
        items={items}
        destroyOnHidden
      />
    </Space>
  );
}
