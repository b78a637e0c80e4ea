/**
 * `npm run fuzz -- --seed S --cases N [--batch B]`: random templates through helm 3.17.3 and
 * chartroom; prints each difference shrunk to a minimal template, and the counts.
 * FUZZ_SEED sets the seed when --seed is not given.
 */
import { Rng, genCase, genValues } from "../tests/fuzz/generate";
import {
  differences,
  shrink,
  type FuzzStats,
} from "../tests/fuzz/differential";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0)
    throw new Error(`--${name} needs a whole number`);
  return v;
}

async function main(): Promise<void> {
  const seed = flag("seed", Number(process.env.FUZZ_SEED ?? 1));
  const total = flag("cases", 200);
  const batch = flag("batch", 25) || 25;
  let found = 0;
  const stats: FuzzStats = {
    rendered: 0,
    failed: 0,
    addressDependent: 0,
    timedOut: 0,
    helmRuns: 0,
  };
  const started = Date.now();
  for (let done = 0, b = 0; done < total; b++) {
    // Each batch has its own values and its own generator stream, so any batch can be replayed.
    const rng = new Rng(seed * 1_000_003 + b);
    const values = JSON.stringify(genValues(rng));
    const n = Math.min(batch, total - done);
    const cases = Array.from({ length: n }, (_, i) => ({
      id: `c${b}_${i}`,
      c: genCase(rng, JSON.parse(values), `c${b}_${i}`),
    }));
    for (const d of await differences(cases, values, stats)) {
      found++;
      const { d: min } = await shrink(
        d.id,
        cases.find((x) => x.id === d.id)!.c,
        values,
      );
      process.stdout.write(
        `\n### difference ${found} (seed ${seed}, batch ${b}, ${d.id})\nvalues.yaml: ${values}\n${min.defines ? `defines:  ${min.defines}\n` : ""}template: ${min.template}\nhelm:      ${min.helm}\nchartroom: ${min.chartroom}\n`,
      );
    }
    done += n;
    process.stderr.write(`\r${done}/${total} cases, ${found} differences`);
  }
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  process.stderr.write(
    `\n${total} cases (seed ${seed}) in ${secs}s, ${stats.helmRuns} helm runs: ${stats.rendered} rendered alike, ${stats.failed} failed alike, ${stats.addressDependent} depend on a pointer address, ${stats.timedOut} not compared (helm timed out), ${found} differences\n`,
  );
  process.exitCode = found > 0 ? 1 : 0;
}

void main();
