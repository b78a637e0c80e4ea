/**
 * `npm run fuzz -- --seed S --cases N [--batch B] [--helm 4.1|3.17]`: random templates through
 * the reference helm (4.1.4 by default) and chartroom; prints each difference shrunk to a minimal
 * template, and the counts. FUZZ_SEED sets the seed when --seed is not given.
 */
function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function count(name: string, fallback: number): number {
  const v = Number(flag(name) ?? fallback);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} needs a whole number`);
  return v;
}

async function main(): Promise<void> {
  // The reference helm is chosen when tests/helm/reference.ts loads, so set it first.
  const helm = flag("helm");
  if (helm) process.env.CHARTROOM_REFERENCE_HELM = helm;
  const { REFERENCE } = await import("../tests/helm/reference");
  const { differences, fuzzBatch, newStats, shrink } = await import("../tests/fuzz/differential");
  const seed = count("seed", Number(process.env.FUZZ_SEED ?? 1));
  const total = count("cases", 200);
  const batch = count("batch", 25) || 25;
  let found = 0;
  const stats = newStats();
  const started = Date.now();
  for (let done = 0, b = 0; done < total; b++) {
    const n = Math.min(batch, total - done);
    const { values, cases } = fuzzBatch(seed, b, n);
    for (const d of await differences(cases, values, stats)) {
      found++;
      const { d: min } = await shrink(d.id, cases.find((x) => x.id === d.id)!.c, values);
      process.stdout.write(
        `\n### difference ${found} (helm ${REFERENCE.release}, seed ${seed}, batch ${b}, ${d.id})\nvalues.yaml: ${values}\n${min.defines ? `defines:  ${min.defines}\n` : ""}template: ${min.template}\nhelm:      ${min.helm}\nchartroom: ${min.chartroom}\n`,
      );
    }
    done += n;
    process.stderr.write(`\r${done}/${total} cases, ${found} differences`);
  }
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  process.stderr.write(
    `\n${total} cases (helm ${REFERENCE.release}, seed ${seed}) in ${secs}s, ${stats.helmRuns} helm runs: ${stats.rendered} rendered alike, ${stats.failed} failed alike, ${stats.addressDependent} depend on a pointer address, ${stats.timedOut} not compared (helm timed out), ${found} differences\n`,
  );
  process.exitCode = found > 0 ? 1 : 0;
}

void main();
