/**
 * Files asked per table row, under the form: one contract file per project and one certificate
 * per innovation, and when there are more rows than the item's maximum, which rows' files are
 * the ones to upload (001 （二）6 3): 挑选前 10 个大额合同上传即可 — the ten largest by 合同金额).
 * The engine decides (shared/engine/tables uploadPlans); this only shows its answer.
 */
import { Card, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { uploadPlans } from '../../../../../shared/engine/tables';
import type { ApplicationKindId, ProgramPack } from '../../../../../shared/programs/schema';
import { useT } from '../../../i18n';
import { displayText } from './values';

export function RowUploads(props: { pack: ProgramPack; kind: string; values: Readonly<Record<string, unknown>>; lang: 'zh' | 'en' }) {
  const t = useT();
  const { pack, kind, values, lang } = props;
  const plans = useMemo(() => uploadPlans(pack, kind as ApplicationKindId, values).filter((p) => p.rows.length > 0), [pack, kind, values]);
  if (plans.length === 0) return null;
  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid="row-uploads">
      {plans.map((plan) => {
        const by = plan.item.copies.largestBy;
        const column = by === undefined ? undefined : (plan.table.columns ?? []).find((c) => c.id === by);
        return (
          <Card key={plan.item.id} size="small" title={plan.item.name[lang]} data-testid={`row-uploads-${plan.item.id}`}>
            <Typography.Paragraph style={{ marginBottom: 6 }}>
              {plan.limitedTo === undefined
                ? t('form.rowUploads.all', { count: plan.asked })
                : t('form.rowUploads.largest', { count: plan.rows.length, max: plan.limitedTo, column: column?.label[lang] ?? '' })}
            </Typography.Paragraph>
            <ol style={{ margin: 0, paddingInlineStart: 20, columns: plan.rows.length > 8 ? 2 : 1 }}>
              {plan.rows.map((r) => (
                <li key={r.key} data-asked={r.asked ? 'yes' : 'no'}>
                  <Tag color={r.asked ? 'blue' : 'default'}>{r.asked ? t('form.rowUploads.asked') : t('form.rowUploads.notAsked')}</Tag>
                  {r.label === '' ? t('form.field.row', { n: r.index + 1 }) : r.label}
                  {column !== undefined && r.amount !== undefined && (
                    <Typography.Text type="secondary">
                      {' '}
                      {displayText(column.type, r.amount, column.moneyUnit)}
                      {column.type === 'money' ? (column.moneyUnit === 'wan-yuan' ? t('form.field.wanYuan') : t('form.field.yuan')) : ''}
                    </Typography.Text>
                  )}
                </li>
              ))}
            </ol>
          </Card>
        );
      })}
    </div>
  );
}
