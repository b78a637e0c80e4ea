/**
 * A fixed sample of the template fuzzer (scripts/fuzz.ts): random templates must render through
 * chartroom exactly as through helm 3.17.3, output and error text. FUZZ_SEED picks another
 * sample; `npm run fuzz` runs thousands and shrinks what it finds.
 */
import { describe, expect, it } from "vitest";
import { differences, type FuzzStats } from "./differential";
import { Rng, genCase, genValues } from "./generate";

const SEED = Number(process.env.FUZZ_SEED ?? 13);
const BATCHES = 2;
const PER_BATCH = 20;

describe(`template fuzzer, seed ${SEED}`, () => {
  it(`${BATCHES * PER_BATCH} random templates render as in helm`, async () => {
    const stats: FuzzStats = {
      rendered: 0,
      failed: 0,
      addressDependent: 0,
      timedOut: 0,
      helmRuns: 0,
    };
    const found = [];
    for (let b = 0; b < BATCHES; b++) {
      const rng = new Rng(SEED * 1_000_003 + b);
      const values = JSON.stringify(genValues(rng));
      const cases = Array.from({ length: PER_BATCH }, (_, i) => ({
        id: `c${b}_${i}`,
        c: genCase(rng, JSON.parse(values), `c${b}_${i}`),
      }));
      found.push(...(await differences(cases, values, stats)));
    }
    expect(found).toEqual([]);
    // A sample where nearly everything fails proves little about output.
    expect(stats.rendered).toBeGreaterThanOrEqual((BATCHES * PER_BATCH) / 4);
  }, 120_000);
});
