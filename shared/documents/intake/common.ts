/** What the intake documents share: the office's letterhead facts and a few display helpers. */
import { formatDateZh, formatYearMonthZh } from '../../rules/civil-date';

export interface OfficeInfo {
  /** As on the office's seal, e.g. 新疆软件行业协会. */
  readonly name: string;
  readonly address?: string;
  readonly phone?: string;
}

/** How the papers came in (model/records submissionChannelSchema) in the clerk's words. */
export const CHANNEL_ZH: Readonly<Record<string, string>> = {
  unit: '单位提出',
  individual: '个人提出',
  website: '网站提交',
  email: '电子邮件',
  counter: '窗口递交',
  post: '邮寄',
};

export function channelZh(channel: string): string {
  return CHANNEL_ZH[channel] ?? channel;
}

/** 'YYYY-MM' → 2019年09月, 'YYYY-MM-DD' → 2019年09月30日, '' → ''. */
export function monthOrDateZh(value: string | undefined): string {
  if (!value) return '';
  return value.length === 7 ? formatYearMonthZh(value) : formatDateZh(value);
}

/** Hours stored in tenths (model/records EducationRecord) → '40' or '40.5'. */
export function hoursFromTenths(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** A blank date for hand-filling, as on the seed forms: “年\u3000月\u3000日”. */
export const BLANK_DATE = '\u3000\u3000年\u3000\u3000月\u3000\u3000日';
