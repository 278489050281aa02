/**
 * The pack's key dates that are deadlines for an application in its state (001 温馨提示 11: 换证
 * by 2026-04-30), as shared/engine/key-dates counts them: shown on the workflow tab and in the
 * queue beside the state's own deadline. Chinese from the engine; English from the pack's names.
 */
import { Space, Typography } from 'antd';
import type { KeyDateDeadline } from '../../../../shared/engine/key-dates';
import { langOf, useT } from '../../i18n';
import { formatIsoDate } from '../../i18n/format';
import { useUi } from '../../stores/ui';

export function KeyDates({ deadlines }: { deadlines: readonly KeyDateDeadline[] }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  if (deadlines.length === 0) return null;
  return (
    <Space orientation="vertical" size={0}>
      {deadlines.map((d) => {
        const text =
          lang === 'zh'
            ? d.label
            : d.overdue
              ? t('workflow.keyDate.overdue', { name: d.names.en, date: formatIsoDate(d.due, locale), days: -d.daysLeft })
              : d.daysLeft === 0
                ? t('workflow.keyDate.today', { name: d.names.en, date: formatIsoDate(d.due, locale) })
                : t('workflow.keyDate.left', { name: d.names.en, date: formatIsoDate(d.due, locale), days: d.daysLeft });
        return (
          <Typography.Text key={d.id} type={d.overdue ? 'danger' : d.daysLeft <= 14 ? 'warning' : undefined} strong={d.overdue} data-testid="key-date-deadline" title={d.cite}>
            {text}
          </Typography.Text>
        );
      })}
    </Space>
  );
}
