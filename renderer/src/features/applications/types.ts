import type { WorkCalendar } from '../../../../shared/rules/work-calendar';
import type { ApplicationFile, FileEvaluation } from './file';

/** What every tab of the application page receives: the live file and the engine's verdict on it. */
export interface TabProps {
  readonly file: ApplicationFile;
  readonly result: FileEvaluation;
  readonly calendar: WorkCalendar;
}
