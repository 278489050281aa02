/**
 * The entries of `values` that are not `undefined`, in their order. Records are checked with
 * exactOptionalPropertyTypes, where a key present with the value `undefined` is not a missing key
 * (and zod's strict schemas refuse it): optional values are spread in with this rather than
 * written out as `...(x === undefined ? {} : { x })` one by one.
 */
export function defined<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
