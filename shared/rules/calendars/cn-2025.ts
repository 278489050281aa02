/**
 * 2025 national holiday arrangement: 国务院办公厅关于2025年部分节假日安排的通知
 * (国办发明电〔2024〕12号), the first year under the amended 《全国年节及纪念日放假办法》
 * (除夕 and 5月2日 added, 13 statutory days). Checked against the published text (dated 2024-11-12).
 */
import { arrangement } from './arrangement';

export const CN_2025 = arrangement(2025, '国办发明电〔2024〕12号', [
  { name: '元旦', from: '2025-01-01', to: '2025-01-01', workdays: [] },
  { name: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] }, // 上班：周日、周六
  { name: '清明节', from: '2025-04-04', to: '2025-04-06', workdays: [] },
  { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] }, // 上班：周日
  { name: '端午节', from: '2025-05-31', to: '2025-06-02', workdays: [] },
  { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] }, // 上班：周日、周六
]);
