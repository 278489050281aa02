/**
 * The 自评分表 (002 二, P4): items of the imported standard (name, max score), the points the
 * applicant claims and whether the proof is in the file. The 1986 seniority route is asked once,
 * on the 申请表 (学历资历条件, shared/engine/facts seniorityOf), not here. The counted points per item come from the shared rule (evaluateSelfScore: no evidence
 * → 0, capped at the maximum); eligibility is the engine's finding, shown by the caller.
 */
import { Button, Checkbox, Input, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { evaluateSelfScore } from '../../../../../shared/rules/self-score';
import { scoreOf, type SelfScoreInput, type SelfScoreItemInput } from '../create';
import { useT } from '../../../i18n';

export interface SelfScoreSheetProps {
  readonly value: SelfScoreInput;
  readonly onChange: (value: SelfScoreInput) => void;
  readonly onCommit?: () => void;
  readonly idPrefix: string;
  readonly disabled?: boolean;
}

const cell: React.CSSProperties = { border: '1px solid #f0f0f0', padding: 4, fontWeight: 'normal' };

export function SelfScoreSheet(props: SelfScoreSheetProps) {
  const t = useT();
  const { items } = props.value;
  const commitSoon = () => setTimeout(() => props.onCommit?.(), 0);
  const setItems = (next: SelfScoreItemInput[]) => props.onChange({ ...props.value, items: next });
  const setItem = (index: number, patch: Partial<SelfScoreItemInput>) =>
    setItems(items.map((it, i) => (i === index ? { ...it, ...patch } : it)));

  const counted = useMemo(() => {
    const rows = items
      .map((it, i) => ({ id: `row-${i}`, name: it.name?.trim() || `#${i + 1}`, max: scoreOf(it.maxScore), claimed: scoreOf(it.claimed), ev: it.hasEvidence === true }))
      .filter((r) => typeof r.max === 'number' && r.max > 0 && r.claimed !== null);
    const result = evaluateSelfScore({
      items: rows.map((r) => ({ id: r.id, name: r.name, maxScore: r.max as number })),
      entries: rows.map((r) => ({ itemId: r.id, claimed: (r.claimed as number | undefined) ?? 0, hasEvidence: r.ev })),
    });
    if (!result.ok) return { byRow: new Map<string, number>(), total: undefined };
    return { byRow: new Map(result.value.items.map((s) => [s.itemId, s.scored])), total: result.value.total };
  }, [items]);

  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('form.score.help')}
      </Typography.Paragraph>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th style={{ ...cell, width: 40 }}>#</th>
            <th style={cell}>{t('form.score.item')}</th>
            <th style={{ ...cell, width: 100 }}>{t('form.score.max')}</th>
            <th style={{ ...cell, width: 100 }}>{t('form.score.claimed')}</th>
            <th style={{ ...cell, width: 120 }}>{t('form.score.evidence')}</th>
            <th style={{ ...cell, width: 80 }}>{t('form.score.counted')}</th>
            <th style={{ ...cell, width: 48 }} />
          </tr>
        </thead>
        <tbody>
          {items.map((it, i) => (
            <tr key={i}>
              <td style={{ ...cell, textAlign: 'center' }}>{i + 1}</td>
              <td style={cell}>
                <Input
                  id={`${props.idPrefix}-score-${i}-name`}
                  aria-label={`${t('form.score.item')} ${i + 1}`}
                  value={it.name ?? ''}
                  disabled={props.disabled}
                  onChange={(e) => setItem(i, { name: e.target.value })}
                  onBlur={props.onCommit}
                />
              </td>
              <td style={cell}>
                <Input
                  aria-label={`${t('form.score.max')} ${i + 1}`}
                  inputMode="decimal"
                  value={it.maxScore === undefined ? '' : String(it.maxScore)}
                  disabled={props.disabled}
                  onChange={(e) => setItem(i, { maxScore: e.target.value })}
                  onBlur={props.onCommit}
                />
              </td>
              <td style={cell}>
                <Input
                  aria-label={`${t('form.score.claimed')} ${i + 1}`}
                  inputMode="decimal"
                  value={it.claimed === undefined ? '' : String(it.claimed)}
                  disabled={props.disabled}
                  onChange={(e) => setItem(i, { claimed: e.target.value })}
                  onBlur={props.onCommit}
                />
              </td>
              <td style={{ ...cell, textAlign: 'center' }}>
                <Checkbox
                  aria-label={`${t('form.score.evidence')} ${i + 1}`}
                  checked={it.hasEvidence === true}
                  disabled={props.disabled}
                  onChange={(e) => {
                    setItem(i, { hasEvidence: e.target.checked });
                    commitSoon();
                  }}
                />
              </td>
              <td style={{ ...cell, textAlign: 'right' }} data-testid={`score-counted-${i}`}>
                {counted.byRow.get(`row-${i}`) ?? '—'}
              </td>
              <td style={{ ...cell, textAlign: 'center' }} data-enter-skip="">
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('form.score.removeItem', { n: i + 1 })}
                  disabled={props.disabled}
                  onClick={() => {
                    setItems(items.filter((_, j) => j !== i));
                    commitSoon();
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 6 }}>
        <Button
          size="small"
          icon={<PlusOutlined />}
          data-enter-skip=""
          disabled={props.disabled}
          onClick={() => {
            setItems([...items, {}]);
            setTimeout(() => document.getElementById(`${props.idPrefix}-score-${items.length}-name`)?.focus(), 0);
          }}
        >
          {t('form.score.addItem')}
        </Button>
        {counted.total !== undefined && items.length > 0 && (
          <Typography.Text strong data-testid="score-total">
            {t('form.score.total', { total: counted.total })}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
