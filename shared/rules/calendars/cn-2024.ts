/**
 * 2024 national holiday arrangement: 国务院办公厅关于2024年部分节假日安排的通知
 * (国办发明电〔2023〕7号). One line per item of the notice: the days off, weekend days included,
 * and the weekends worked. Checked against the published text (dated 2023-10-25).
 * 元旦 and 端午节 are single days "与周末连休": the adjoining weekend is off anyway, so it is not listed.
 * Note 2024-02-09 (除夕) was a working day — the notice only encouraged leave.
 */
import { arrangement } from './arrangement';

export const CN_2024 = arrangement(2024, '国办发明电〔2023〕7号', [
  { name: '元旦', from: '2024-01-01', to: '2024-01-01', workdays: [] },
  { name: '春节', from: '2024-02-10', to: '2024-02-17', workdays: ['2024-02-04', '2024-02-18'] }, // 上班：星期日、星期日
  { name: '清明节', from: '2024-04-04', to: '2024-04-06', workdays: ['2024-04-07'] }, // 上班：星期日
  { name: '劳动节', from: '2024-05-01', to: '2024-05-05', workdays: ['2024-04-28', '2024-05-11'] }, // 上班：星期日、星期六
  { name: '端午节', from: '2024-06-10', to: '2024-06-10', workdays: [] },
  { name: '中秋节', from: '2024-09-15', to: '2024-09-17', workdays: ['2024-09-14'] }, // 上班：星期六
  { name: '国庆节', from: '2024-10-01', to: '2024-10-07', workdays: ['2024-09-29', '2024-10-12'] }, // 上班：星期日、星期六
]);
