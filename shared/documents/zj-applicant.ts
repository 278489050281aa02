/**
 * P4 zj-it-senior: the applicant facts the 花名册 (roster) and the 综合表 (summary sheet) both
 * print, from one record so the two can never disagree (002 附件3 三: 花名册、综合表、评审表和网上
 * 申报信息的“现从事专业”应完全一致).
 */
import { fullYearsBetween, type IsoDate, type IsoYearMonth } from '../rules/civil-date';
import type { Result } from '../rules/result';
import { P4_SPECIALTIES, P4_UNIT_NATURES } from '../programs/zj-it-senior';

/** 002 四(一) and 附件4 四 8: 任职时间、专业工作年限计算到 2019 年 12 月 31 日. */
export const ZJ_SERVICE_CUTOFF: IsoDate = '2019-12-31';

/** 002 附件2 一: 背景具有“浙江省高级专业技术职务任职资格网上申报评审”水印，无此水印的综合表一律不予接收. */
export const ZJ_SUMMARY_WATERMARK = '浙江省高级专业技术职务任职资格网上申报评审';

/**
 * 002 附件4 四 5 (仅为“技术开发”、“应用电子”、“信息安全”、“系统集成”其中一项) and 四 3 (单位性质):
 * the pack's closed lists, defined once in the pack.
 */
export const ZJ_SPECIALTIES = P4_SPECIALTIES;
export type ZjSpecialty = (typeof ZJ_SPECIALTIES)[number];
export const ZJ_UNIT_NATURES = P4_UNIT_NATURES;
export type ZjUnitNature = (typeof ZJ_UNIT_NATURES)[number];

export interface ZjEducation {
  /** 学历, e.g. 大学本科, 硕士研究生. */
  readonly level: string;
  readonly school: string;
  readonly major: string;
  readonly graduatedOn: IsoYearMonth;
}

export interface ZjApplicant {
  readonly name: string;
  readonly sex: 'male' | 'female';
  readonly birthMonth: IsoYearMonth;
  readonly idNumber: string;
  /** 002 附件4 四 2: 与单位印章一致. */
  readonly unit: string;
  readonly unitNature: ZjUnitNature;
  /** 002 附件4 四 4: ××县(市、区)××局 or ××厅(局). */
  readonly supervisor: string;
  readonly specialty: ZjSpecialty;
  /** 最高学历. */
  readonly education: ZjEducation;
  /** 002 附件4 四 6: the engineering education, when the highest is not in engineering. */
  readonly engineeringEducation?: ZjEducation;
  readonly degree?: string;
  /** 现任专业技术职务任职资格 and when obtained. */
  readonly currentTitle: string;
  readonly titleObtainedOn: IsoYearMonth;
  /** 聘任时间. */
  readonly appointedOn: IsoYearMonth;
  /** Start of engineering work (从事工程技术工作), for 专业工作年限. */
  readonly engineeringWorkSince: IsoDate;
  /** 单位考核, one result per year (at least the last three: 002 附件4 四 9). */
  readonly assessments: readonly { readonly year: number; readonly result: string }[];
  /** 002 附件4 四 10: 花名册上应注明自评分数. */
  readonly selfScore: number;
  readonly workHistory?: readonly { readonly from: IsoYearMonth; readonly to?: IsoYearMonth; readonly unit: string; readonly role: string }[];
  readonly achievements?: readonly string[];
  /** Required when unitNature is 其它类企业 (002 附件4 四 3: 需在备注栏说明情况). */
  readonly remarks?: string;
}

/** 专业工作年限: full years of engineering work to the cutoff (002 附件4 四 8). */
export function zjServiceYears(applicant: Pick<ZjApplicant, 'engineeringWorkSince'>, cutoff: IsoDate = ZJ_SERVICE_CUTOFF): Result<number> {
  return fullYearsBetween(applicant.engineeringWorkSince, cutoff);
}

/** The assessment result for a year, or '' when none was recorded. */
export function assessmentFor(applicant: Pick<ZjApplicant, 'assessments'>, year: number): string {
  return applicant.assessments.find((a) => a.year === year)?.result ?? '';
}

export const SEX_ZH = { male: '男', female: '女' } as const;
