/**
 * Runs fuzz cases through the reference helm (CHARTROOM_REFERENCE_HELM) and chartroom as one chart: each case is a `define` in its
 * own file and `templates/zz-cases.yaml` prints `id: {{ include "id" . | toJson }}` for each, so
 * one helm process answers a whole batch. A batch that fails (helm stops at the first error) is
 * split until each failing case runs alone; a differing case is shrunk to a minimal template.
 */
import { runCli } from "../../lib/cli/main";
import { setStandInAddress, STAND_IN_ADDRESS } from "../../lib/go/fmt/printer";
import { loadChartDirectory } from "../../lib/helm/chart/loader";
import { cachedHelmTemplate, REFERENCE, TIMED_OUT, type ChartFiles } from "../helm/reference";
import { errorText } from "../diff/chartroom-cli";
import {
  Rng,
  genCase,
  genValues,
  printCase,
  printNodes,
  shrinkCandidates,
  type FuzzCase,
} from "./generate";

export interface Outcome {
  ok: boolean;
  /** stdout, or the error text after helm's `Error: `. */
  text: string;
}

export interface Difference {
  id: string;
  template: string;
  defines: string;
  helm: string;
  chartroom: string;
}

const CHART_YAML = "apiVersion: v2\nname: fuzz\nversion: 0.1.0\n";
const ARGS = ["--show-only", "templates/zz-cases.yaml"];
const enc = new TextEncoder();

function chartFiles(
  cases: { id: string; c: FuzzCase }[],
  values: string,
): ChartFiles {
  const files: ChartFiles = { "Chart.yaml": CHART_YAML, "values.yaml": values };
  let runner = "";
  for (const { id, c } of cases) {
    files[`templates/_${id}.tpl`] = printCase(c, id);
    runner += `${id}: {{ include ${JSON.stringify(id)} . | toJson }}\n`;
  }
  files["templates/zz-cases.yaml"] = runner;
  return files;
}

async function helmOutcome(files: ChartFiles): Promise<Outcome | null> {
  const r = await cachedHelmTemplate(files, ARGS, { timeoutMs: 60_000 });
  if (r.status === TIMED_OUT) return null;
  return r.status === 0
    ? { ok: true, text: r.stdout }
    : { ok: false, text: errorText(r.stderr) || `helm exited ${r.status}` };
}

function chartroomOutcome(files: ChartFiles): Outcome {
  let stdout = "";
  let stderr = "";
  const status = runCli(["template", "release-name", "fuzz", ...ARGS, "--helm-version", REFERENCE.setting], {
    loadChart: () =>
      loadChartDirectory(
        Object.entries(files).map(([path, d]) => ({
          path,
          data: typeof d === "string" ? enc.encode(d) : d,
        })),
      ),
    readFile: () => {
      throw new Error("not used");
    },
    writeFile: () => {
      throw new Error("not used");
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return status === 0
    ? { ok: true, text: stdout }
    : { ok: false, text: errorText(stderr) || `chartroom exited ${status}` };
}

// Go prints pointers inside composites as addresses (`.Capabilities` in `print $`) that change
// from run to run; chartroom prints one fixed address. Outputs are compared with addresses
// masked, and a case whose output still differs only because an address's width or digits
// fed other functions (`split "a" (print $)`) is counted apart, not reported.
// Likewise a byte cut out of a UTF-8 sequence (`trunc 1 "é"`) is that byte in helm, which toJson
// writes as `\ufffd`, and U+FFFD in chartroom, written as is (docs/architecture.md).
const masked = (t: string): string =>
  t.replace(/0xc[0-9a-f]{6,12}/g, "0xADDR").replace(/\\ufffd/g, "\ufffd");
const same = (a: Outcome, b: Outcome): boolean =>
  a.ok === b.ok && masked(a.text) === masked(b.text);
const addressDependent = (helm: string): boolean =>
  /0xc[0-9a-f]{6,12}/.test(helm);

/** Whether chartroom's output changes with its stand-in pointer address (`printf "%v" $ | sha1sum`). */
function movesWithAddress(files: ChartFiles, ours: Outcome): boolean {
  setStandInAddress(0xc000abcdefn);
  try {
    return !same(chartroomOutcome(files), ours);
  } finally {
    setStandInAddress(STAND_IN_ADDRESS);
  }
}

function caseLine(out: string, id: string): string {
  return out.split("\n").find((l) => l.startsWith(`${id}: `)) ?? "";
}

/** What a run covered: cases that rendered, cases that failed alone (same error on both sides), helm runs. */
export interface FuzzStats {
  rendered: number;
  failed: number;
  /** Cases whose helm output printed a pointer address that other functions then consumed. */
  addressDependent: number;
  /** Cases not compared because helm did not answer within its timeout. */
  timedOut: number;
  helmRuns: number;
}

export const newStats = (): FuzzStats => ({
  rendered: 0,
  failed: 0,
  addressDependent: 0,
  timedOut: 0,
  helmRuns: 0,
});

export interface FuzzBatch {
  values: string;
  cases: { id: string; c: FuzzCase }[];
}

/**
 * Batch `b` of a seed: its own values.yaml and its own generator stream, so any batch can be
 * replayed alone (`--seed S` and the batch number a report names).
 */
export function fuzzBatch(seed: number, b: number, size: number): FuzzBatch {
  const rng = new Rng(seed * 1_000_003 + b);
  const values = JSON.stringify(genValues(rng));
  const cases = Array.from({ length: size }, (_, i) => ({
    id: `c${b}_${i}`,
    c: genCase(rng, JSON.parse(values), `c${b}_${i}`),
  }));
  return { values, cases };
}

/** The cases of a batch whose output or error differs between helm and chartroom. */
export async function differences(
  cases: { id: string; c: FuzzCase }[],
  values: string,
  stats: FuzzStats = newStats(),
): Promise<Difference[]> {
  const files = chartFiles(cases, values);
  const helm = await helmOutcome(files);
  stats.helmRuns++;
  // A machine too busy for helm to answer in time proves nothing either way.
  if (!helm) {
    stats.timedOut += cases.length;
    return [];
  }
  const ours = chartroomOutcome(files);
  if (same(helm, ours) && (helm.ok || cases.length === 1)) {
    if (helm.ok) stats.rendered += cases.length;
    else stats.failed++;
    return [];
  }
  const describe = (
    id: string,
    c: FuzzCase,
    h: string,
    o: string,
  ): Difference => ({
    id,
    template: printNodes(c.body),
    defines: c.defines
      .map(
        (d) =>
          `{{ define ${JSON.stringify(d.name)} }}${printNodes(d.body)}{{ end }}`,
      )
      .join(""),
    helm: h,
    chartroom: o,
  });
  if (cases.length === 1 && (addressDependent(helm.text) || movesWithAddress(files, ours))) {
    stats.addressDependent++;
    return [];
  }
  if (cases.length === 1) {
    const show = (o: Outcome): string =>
      o.ok
        ? caseLine(o.text, cases[0].id) || o.text
        : o.text.replace(
            /\n\nUse --debug flag to render out invalid YAML$/,
            "",
          );
    return [describe(cases[0].id, cases[0].c, show(helm), show(ours))];
  }
  if (helm.ok && ours.ok) {
    const alike = ({ id }: { id: string }): boolean =>
      masked(caseLine(helm.text, id)) === masked(caseLine(ours.text, id));
    stats.rendered += cases.filter(alike).length;
    stats.addressDependent += cases.filter(
      (c) => !alike(c) && addressDependent(caseLine(helm.text, c.id)),
    ).length;
    // A differing case is run again alone, where an address-dependent one is told apart.
    const found: Difference[] = [];
    for (const c of cases.filter((c) => !alike(c) && !addressDependent(caseLine(helm.text, c.id)))) {
      found.push(...(await differences([c], values, stats)));
    }
    return found;
  }
  const half = cases.length >> 1;
  return [
    ...(await differences(cases.slice(0, half), values, stats)),
    ...(await differences(cases.slice(half), values, stats)),
  ];
}

/** Shrinks a case that differs to a smaller one that still differs (greedy, bounded). */
export async function shrink(
  id: string,
  c: FuzzCase,
  values: string,
  budget = 200,
): Promise<{ c: FuzzCase; d: Difference }> {
  let cur = c;
  let diff = (await differences([{ id, c }], values))[0];
  let tries = 0;
  outer: while (tries < budget) {
    for (const cand of shrinkCandidates(cur)) {
      if (++tries > budget) break outer;
      const d = (await differences([{ id, c: cand }], values))[0];
      if (d) {
        cur = cand;
        diff = d;
        continue outer;
      }
    }
    break;
  }
  return { c: cur, d: diff };
}
