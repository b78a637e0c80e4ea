/**
 * A fixed sample of the template fuzzer (scripts/fuzz.ts): random templates must render through
 * chartroom exactly as through the reference helm, output and error text. FUZZ_SEED picks another
 * sample; `npm run fuzz` runs thousands and shrinks what it finds.
 */
import { describe, expect, it } from "vitest";
import { REFERENCE } from "../helm/reference";
import { differences, fuzzBatch, newStats, type Difference } from "./differential";

const SEED = Number(process.env.FUZZ_SEED ?? 13);
const BATCHES = 2;
const PER_BATCH = 20;

describe(`template fuzzer against helm ${REFERENCE.release}, seed ${SEED}`, () => {
  it(`${BATCHES * PER_BATCH} random templates render as in helm`, async () => {
    const stats = newStats();
    const found: Difference[] = [];
    for (let b = 0; b < BATCHES; b++) {
      const { values, cases } = fuzzBatch(SEED, b, PER_BATCH);
      found.push(...(await differences(cases, values, stats)));
    }
    expect(found).toEqual([]);
    // A sample where nearly everything fails proves little about output.
    expect(stats.rendered).toBeGreaterThanOrEqual((BATCHES * PER_BATCH) / 4);
  }, 120_000);
});
