/**
 * 历史记录: the application's audit trail, read-only — every entry for the application record
 * and the records about it (materials, steps, routing opinions, objections, attachments, reviews,
 * its education rows, the publicities that listed it), merged by time: when, who, what, what
 * changed (old → new) and why. Nothing here edits or deletes an entry.
 */
import { Alert, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db';
import { useT } from '../../i18n';
import { describeAudit, loadApplicationAudit } from './describe';
import { AuditTable } from './AuditPage';
import { useUi } from '../../stores/ui';
import type { TabProps } from '../applications/types';

export function HistoryTab({ file }: TabProps) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const id = file.application.id;
  const rows = useLiveQuery(async () => describeAudit(db, await loadApplicationAudit(db, id), locale), [id, locale]);
  if (rows === undefined) return <Spin />;
  if (rows.length === 0) return <Alert type="info" showIcon title={t('workflow.history.empty')} />;
  return <AuditTable rows={rows} linkApplications={false} newestFirst={false} testId="history-table" />;
}
