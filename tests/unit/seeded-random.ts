/**
 * A deterministic generator (the C library's linear congruential one), so generated test data and
 * benchmark runs repeat: `rand()` in [0, 1], `int(n)` in 0 … n − 1, `pick(xs)` one of `xs`.
 */
export function seededRandom(seed: number): { rand: () => number; int: (n: number) => number; pick: <T>(xs: readonly T[]) => T } {
  let state = seed;
  const rand = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const int = (n: number): number => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { rand, int, pick };
}
