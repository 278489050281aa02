const pad = (n: number): string => String(n).padStart(2, '0');

/** Today's local calendar date as `YYYY-MM-DD`: the `today` every shared rule takes. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
