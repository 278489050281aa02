/** Resident ID numbers for seeded people, with the GB 11643 check character worked out here. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The first 17 digits followed by their check character. */
export function withCheckDigit(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
