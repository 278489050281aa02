/**
 * Shares (2/3, 1/2) compared in integers: `count / total ≥ n / d` is `count × d ≥ n × total`, so
 * exactly two thirds is never lost to 0.6666…; 不少于 / 以上 include the bound, 超过 does not.
 */
import type { Fraction } from '../programs/schema';

/** Whether `count` out of `total` reaches the share. A share of nobody (total 0) is never reached. */
export function reaches(count: number, total: number, share: Fraction): boolean {
  if (total <= 0) return false;
  const left = count * share.denominator;
  const right = share.numerator * total;
  return share.comparison === 'at-least' ? left >= right : left > right;
}

/** The smallest count out of `total` that reaches the share (for messages: 须至少 6 人). */
export function smallestReaching(total: number, share: Fraction): number {
  for (let n = 0; n <= total; n++) if (reaches(n, total, share)) return n;
  return total + 1;
}

/** Whether the share is one half: the only share under which as many for as against is a tie. */
export function isHalf(share: Fraction): boolean {
  return share.numerator * 2 === share.denominator;
}

/** '2/3' as printed in messages: 三分之二. */
export function shareZh(share: Fraction): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const zh = (n: number) => (n >= 0 && n <= 10 ? digits[n]! : String(n));
  return `${zh(share.denominator)}分之${zh(share.numerator)}`;
}
