/**
 * One application as a panel sees it (reviewer mode): the scoring sheets of the session's stages
 * and the file read-only — the form, the materials, the binding plan and the attachments — for a
 * member of the session who is not recused from it (shared/panels mayOpenAs), or the office.
 * Nothing here edits the file: the tabs are shown disabled, and the repository refuses a
 * reviewer's write to an application anyway.
 */
import { Alert, Button, ConfigProvider, Space, Spin, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { mayOpenAs } from '../../../shared/panels';
import { AttachmentsTab } from '../features/applications/AttachmentsTab';
import { BindingTab } from '../features/applications/BindingTab';
import { ChecklistTab } from '../features/applications/ChecklistTab';
import { ApplicationFormTab } from '../features/applications/FormTab';
import { useApplicationFile } from '../features/applications/file';
import { useSessionData } from '../features/panels/queries';
import { ScoringPanel } from '../features/panels/ScoringPanel';
import { useT, useRuleText } from '../i18n';
import { useSession } from '../stores/session';

export function PanelApplicationPage() {
  const t = useT();
  const rule = useRuleText();
  const navigate = useNavigate();
  const { sessionId, applicationId } = useParams();
  const user = useSession((s) => s.user);
  const data = useSessionData(sessionId);
  const { file, result, calendar } = useApplicationFile(applicationId);
  if (data === undefined || file === undefined) return <Spin />;
  if (data === null || file === null || result === undefined || applicationId === undefined) return <Alert type="warning" showIcon title={t('panel.sessionNotFound')} />;
  const may = mayOpenAs(data.ctx, { userId: user?.id ?? '', role: user?.role ?? 'reviewer' }, applicationId);
  if (!may.ok) return <Alert type="warning" showIcon title={rule(may.error.message)} data-testid="open-refused" />;
  if (!data.ctx.session.applicationIds.includes(applicationId)) return <Alert type="warning" showIcon title={t('panel.notAssigned')} />;
  const props = { file, result, calendar };
  const readOnly = (node: React.ReactNode) => <ConfigProvider componentDisabled>{node}</ConfigProvider>;
  const label = data.labels[applicationId] ?? file.application.applicationNo;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/panel/sessions/${data.ctx.session.id}`)} aria-label={t('panel.back')} />
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="panel-application">
          {label}
        </Typography.Title>
        <Typography.Text type="secondary">{data.ctx.session.title}</Typography.Text>
      </Space>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'score', label: t('panel.tab.score'), children: <ScoringPanel data={data} applicationId={applicationId} /> },
          { key: 'form', label: t('file.tab.form'), children: readOnly(<ApplicationFormTab {...props} />) },
          { key: 'materials', label: t('file.tab.checklist'), children: readOnly(<ChecklistTab {...props} />) },
          ...(result.evaluation.binding !== null ? [{ key: 'binding', label: t('file.tab.binding'), children: readOnly(<BindingTab {...props} />) }] : []),
          { key: 'attachments', label: t('file.tab.attachments'), children: readOnly(<AttachmentsTab {...props} />) },
        ]}
      />
    </Space>
  );
}
