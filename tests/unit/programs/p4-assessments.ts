/**
 * A P4 applicant's yearly assessments (年度考核) for 2016, 2017 and 2018, the three years the
 * 2019 round's roster and summary sheet list; each result is written out by the test.
 */
export function assessedYears<R extends string>(in2016: R, in2017: R, in2018: R): { year: number; result: R }[] {
  return [
    { year: 2016, result: in2016 },
    { year: 2017, result: in2017 },
    { year: 2018, result: in2018 },
  ];
}
