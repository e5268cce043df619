/** Small statistics for repeated measurements. */

/** The median of `values` (the mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median of the defined values of `pick(item)`, or undefined when none is defined. */
export function medianOf<T>(items: readonly T[], pick: (item: T) => number | undefined): number | undefined {
  const values = items
    .map(pick)
    .filter((value): value is number => value !== undefined && !Number.isNaN(value));
  return values.length === 0 ? undefined : median(values);
}
