/**
 * 2026 national holiday arrangement: 国务院办公厅关于2026年部分节假日安排的通知, dated
 * 2025-11-04 (published by 新华社 the same day). Dates and weekday annotations match the published
 * text. UNCERTAINTY: the 发文字号 (国办发明电〔2025〕N号) was not available in the republished
 * text, so `source` names the notice by title and date instead.
 */
import type { WorkCalendarYear } from '../work-calendar';

export const CN_2026: WorkCalendarYear = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
  holidays: [
    { date: '2026-01-01', name: '元旦' },
    { date: '2026-01-02', name: '元旦' },
    { date: '2026-01-03', name: '元旦' },
    { date: '2026-02-15', name: '春节' },
    { date: '2026-02-16', name: '春节' },
    { date: '2026-02-17', name: '春节' },
    { date: '2026-02-18', name: '春节' },
    { date: '2026-02-19', name: '春节' },
    { date: '2026-02-20', name: '春节' },
    { date: '2026-02-21', name: '春节' },
    { date: '2026-02-22', name: '春节' },
    { date: '2026-02-23', name: '春节' },
    { date: '2026-04-04', name: '清明节' },
    { date: '2026-04-05', name: '清明节' },
    { date: '2026-04-06', name: '清明节' },
    { date: '2026-05-01', name: '劳动节' },
    { date: '2026-05-02', name: '劳动节' },
    { date: '2026-05-03', name: '劳动节' },
    { date: '2026-05-04', name: '劳动节' },
    { date: '2026-05-05', name: '劳动节' },
    { date: '2026-06-19', name: '端午节' },
    { date: '2026-06-20', name: '端午节' },
    { date: '2026-06-21', name: '端午节' },
    { date: '2026-09-25', name: '中秋节' },
    { date: '2026-09-26', name: '中秋节' },
    { date: '2026-09-27', name: '中秋节' },
    { date: '2026-10-01', name: '国庆节' },
    { date: '2026-10-02', name: '国庆节' },
    { date: '2026-10-03', name: '国庆节' },
    { date: '2026-10-04', name: '国庆节' },
    { date: '2026-10-05', name: '国庆节' },
    { date: '2026-10-06', name: '国庆节' },
    { date: '2026-10-07', name: '国庆节' },
  ],
  adjustedWorkdays: [
    { date: '2026-01-04', name: '元旦调休上班' }, // 周日
    { date: '2026-02-14', name: '春节调休上班' }, // 周六
    { date: '2026-02-28', name: '春节调休上班' }, // 周六
    { date: '2026-05-09', name: '劳动节调休上班' }, // 周六
    { date: '2026-09-20', name: '国庆节调休上班' }, // 周日
    { date: '2026-10-10', name: '国庆节调休上班' }, // 周六
  ],
};
