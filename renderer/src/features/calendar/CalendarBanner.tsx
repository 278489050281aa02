/**
 * The reminder every user sees from 1 November while next year's working-day calendar is missing
 * (and, more urgently, once that year has begun): deadlines reaching into it are provisional.
 */
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import { calendarWarning } from '../../../../shared/rules/holiday-notice';
import { useT } from '../../i18n';
import { useAllowed } from '../../auth/access';
import { todayIso } from '../../today';
import { useWorkCalendar } from './queries';

export function CalendarBanner() {
  const t = useT();
  const navigate = useNavigate();
  const mayManage = useAllowed('calendar.manage');
  const warning = calendarWarning(todayIso(), useWorkCalendar());
  if (warning === undefined) return null;
  return (
    <Alert
      banner
      type={warning.kind === 'current' ? 'error' : 'warning'}
      data-testid="calendar-banner"
      title={t(`calendar.warning.${warning.kind}`, { year: warning.year })}
      action={
        mayManage ? (
          <Button size="small" onClick={() => navigate('/calendar')}>
            {t('calendar.warning.open')}
          </Button>
        ) : undefined
      }
    />
  );
}
