/**
 * 2026 national holiday arrangement: 国务院办公厅关于2026年部分节假日安排的通知, dated
 * 2025-11-04 (published by 新华社 the same day). Dates and weekday annotations match the published
 * text. UNCERTAINTY: the 发文字号 (国办发明电〔2025〕N号) was not available in the republished
 * text, so `source` names the notice by title and date instead.
 */
import { arrangement } from './arrangement';

export const CN_2026 = arrangement(2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', [
  { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] }, // 上班：周日
  { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] }, // 上班：周六、周六
  { name: '清明节', from: '2026-04-04', to: '2026-04-06', workdays: [] },
  { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] }, // 上班：周六
  { name: '端午节', from: '2026-06-19', to: '2026-06-21', workdays: [] },
  { name: '中秋节', from: '2026-09-25', to: '2026-09-27', workdays: [] },
  { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] }, // 上班：周日、周六
]);
