/**
 * 2025 national holiday arrangement: 国务院办公厅关于2025年部分节假日安排的通知
 * (国办发明电〔2024〕12号), the first year under the amended 《全国年节及纪念日放假办法》
 * (除夕 and 5月2日 added, 13 statutory days). Checked against the published text (dated 2024-11-12).
 */
import type { WorkCalendarYear } from '../work-calendar';

export const CN_2025: WorkCalendarYear = {
  year: 2025,
  source: '国办发明电〔2024〕12号',
  holidays: [
    { date: '2025-01-01', name: '元旦' },
    { date: '2025-01-28', name: '春节' },
    { date: '2025-01-29', name: '春节' },
    { date: '2025-01-30', name: '春节' },
    { date: '2025-01-31', name: '春节' },
    { date: '2025-02-01', name: '春节' },
    { date: '2025-02-02', name: '春节' },
    { date: '2025-02-03', name: '春节' },
    { date: '2025-02-04', name: '春节' },
    { date: '2025-04-04', name: '清明节' },
    { date: '2025-04-05', name: '清明节' },
    { date: '2025-04-06', name: '清明节' },
    { date: '2025-05-01', name: '劳动节' },
    { date: '2025-05-02', name: '劳动节' },
    { date: '2025-05-03', name: '劳动节' },
    { date: '2025-05-04', name: '劳动节' },
    { date: '2025-05-05', name: '劳动节' },
    { date: '2025-05-31', name: '端午节' },
    { date: '2025-06-01', name: '端午节' },
    { date: '2025-06-02', name: '端午节' },
    { date: '2025-10-01', name: '国庆节、中秋节' },
    { date: '2025-10-02', name: '国庆节、中秋节' },
    { date: '2025-10-03', name: '国庆节、中秋节' },
    { date: '2025-10-04', name: '国庆节、中秋节' },
    { date: '2025-10-05', name: '国庆节、中秋节' },
    { date: '2025-10-06', name: '国庆节、中秋节' },
    { date: '2025-10-07', name: '国庆节、中秋节' },
    { date: '2025-10-08', name: '国庆节、中秋节' },
  ],
  adjustedWorkdays: [
    { date: '2025-01-26', name: '春节调休上班' }, // 周日
    { date: '2025-02-08', name: '春节调休上班' }, // 周六
    { date: '2025-04-27', name: '劳动节调休上班' }, // 周日
    { date: '2025-09-28', name: '国庆节、中秋节调休上班' }, // 周日
    { date: '2025-10-11', name: '国庆节、中秋节调休上班' }, // 周六
  ],
};
