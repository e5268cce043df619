/**
 * How many random specs each property tries. `npm test` keeps the default small so the whole suite stays
 * quick on two cores; `npm run test:property` (vitest.property.config.mts) sets PROPERTY_RUNS=1000.
 */
export const PROPERTY_RUNS = Number(process.env.PROPERTY_RUNS ?? "") || 25;

/** Test timeout for a property of `runs` builds: generous, because builds run under the mock engine. */
export function timeoutFor(runs: number, perRunMs = 6_000): number {
  return Math.max(120_000, runs * perRunMs);
}
