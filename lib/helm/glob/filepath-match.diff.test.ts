/**
 * Go's filepath.Match as Helm applies it in .helmignore, compared with `helm package` 3.17.3
 * (the files it puts in the archive):
 * - every printable ASCII character in every position of a pattern (alone, between letters,
 *   first and last, in a class, as a range bound, escaped, after `*` and `?`);
 * - random .helmignore files (negation, trailing and leading `/`, `**`, classes, escapes) over
 *   random trees (fast-check, fixed seed);
 * - malformed patterns fail the load with helm's message.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  referencePackageListing,
  type ChartFiles,
} from "../../../tests/helm/reference";
import { loadChartDirectory } from "../chart/loader";
import { parseIgnoreRules } from "../chart/helmignore";

const CHART_YAML = "apiVersion: v2\nname: fixture\nversion: 0.1.0\n";
const enc = new TextEncoder();

const PRINTABLE = Array.from({ length: 95 }, (_, i) =>
  String.fromCharCode(0x20 + i),
);
const POSITIONS: ((c: string) => string)[] = [
  (c) => c,
  (c) => `a${c}b`,
  (c) => `${c}b`,
  (c) => `a${c}`,
  (c) => `[${c}]`,
  (c) => `[^${c}]`,
  (c) => `[${c}-~]`,
  (c) => `[!-${c}]`,
  (c) => `\\${c}`,
  (c) => `*${c}`,
  (c) => `?${c}*`,
  (c) => `a[b${c}]`,
];

/** A name usable as a path below a folder: no empty, `.` or `..` segments. */
function usablePath(n: string): boolean {
  return n
    .split("/")
    .every(
      (seg) => seg !== "" && seg !== "." && seg !== ".." && seg.trim() === seg,
    );
}

function candidates(c: string): string[] {
  const names = [
    ...new Set([
      c,
      `a${c}`,
      `${c}b`,
      `a${c}b`,
      "a",
      "ab",
      "b",
      "-",
      "\\",
      "]",
      "^",
    ]),
  ].filter(usablePath);
  return withoutFolderClashes(names);
}

/** Drops paths that another path needs as a folder. */
function withoutFolderClashes(paths: string[]): string[] {
  return paths.filter((p) => !paths.some((q) => q.startsWith(`${p}/`)));
}

/** The names `helm package` would keep for a loaded chart. */
function loadedNames(files: ChartFiles): string[] {
  const c = loadChartDirectory(
    Object.entries(files).map(([path, d]) => ({
      path,
      data: typeof d === "string" ? enc.encode(d) : d,
    })),
  );
  return c.raw.map((f) => f.name).sort();
}

describe("every printable ASCII character in every position, as helm package applies .helmignore", () => {
  // Each rule is `pN/PATTERN`, so it can only ignore files below pN/ and rules never interact;
  // one helm run answers every well-formed rule. Each malformed one fails a load of its own.
  const rules: { dir: string; rule: string; names: string[] }[] = [];
  for (const c of PRINTABLE) {
    for (const pos of POSITIONS) {
      const pattern = pos(c);
      if (pattern.includes("**")) continue;
      const dir = `p${rules.length}`;
      rules.push({ dir, rule: `${dir}/${pattern}`, names: candidates(c) });
    }
  }
  const wellFormed = (rule: string): boolean => {
    try {
      parseIgnoreRules(rule);
      return true;
    } catch {
      return false;
    }
  };
  const good = rules.filter((r) => wellFormed(r.rule));
  const bad = rules.filter((r) => !wellFormed(r.rule));

  it(`${good.length} well-formed rules keep and drop the same files`, async () => {
    const files: ChartFiles = {
      "Chart.yaml": CHART_YAML,
      ".helmignore": good.map((r) => `${r.rule}\n`).join(""),
    };
    for (const r of good) for (const n of r.names) files[`${r.dir}/${n}`] = "x";
    const helm = await referencePackageListing(files);
    if (!helm.ok) throw new Error(helm.error);
    const kept = new Set(helm.names);
    const mismatches: string[] = [];
    for (const r of good) {
      const ignore = parseIgnoreRules(r.rule);
      for (const n of r.names) {
        const path = `${r.dir}/${n}`;
        const segs = path.split("/");
        // helm skips a whole folder its rule matches, so a file goes when any folder above it does.
        const ignored = segs.some((_, i) =>
          ignore.ignore(segs.slice(0, i + 1).join("/"), i < segs.length - 1),
        );
        if (ignored === kept.has(path))
          mismatches.push(
            `${JSON.stringify(r.rule)} ~ ${JSON.stringify(n)}: helm ${kept.has(path) ? "keeps" : "ignores"} it`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it(`${bad.length} malformed rules fail the load in helm too`, async () => {
    const errors = await Promise.all(
      bad.map(async (r) => {
        const helm = await referencePackageListing({
          "Chart.yaml": CHART_YAML,
          ".helmignore": `${r.rule}\n`,
        });
        return { rule: r.rule, error: helm.ok ? null : helm.error };
      }),
    );
    expect(errors).toEqual(
      bad.map((r) => ({ rule: r.rule, error: "syntax error in pattern" })),
    );
  });
});

const NAME_CHARS = [
  "a",
  "b",
  "c",
  "-",
  ".",
  "_",
  "[",
  "]",
  "^",
  "!",
  "\\",
  "*",
  "?",
  " ",
  "é",
];
const PATTERN_ATOMS = [
  "a",
  "b",
  "-",
  ".",
  "*",
  "?",
  "[a-c]",
  "[^b]",
  "[!a]",
  "\\*",
  "\\[",
  "\\-",
  "[\\]]",
  "[",
  "]",
  "\\",
  "é",
  "[a-]",
  "[]a]",
  "**",
];

const nameArb = fc
  .array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 4 })
  .map((cs) => cs.join(""))
  .filter(usablePath);
const pathArb = fc
  .array(fc.oneof(nameArb, fc.constantFrom("templates", "files", "x")), {
    minLength: 1,
    maxLength: 3,
  })
  .map((segs) => segs.join("/"));
const ruleArb = fc
  .tuple(
    fc.constantFrom("", "", "!", "/"),
    fc.array(fc.constantFrom(...PATTERN_ATOMS), { minLength: 1, maxLength: 4 }),
    fc.constantFrom("", "", "/"),
    fc.constantFrom("", "files/", "templates/"),
  )
  .map(([lead, atoms, trail, dir]) => `${lead}${dir}${atoms.join("")}${trail}`);

describe("random .helmignore files over random trees match helm package (fast-check, fixed seed)", () => {
  it("keeps the same files or fails with the same message", async () => {
    const samples = fc.sample(
      fc.record({
        paths: fc.uniqueArray(pathArb, { minLength: 3, maxLength: 12 }),
        rules: fc.array(ruleArb, { minLength: 1, maxLength: 4 }),
      }),
      {
        seed: 1303,
        numRuns: 40,
      },
    );
    const results = await Promise.all(
      samples.map(async ({ paths, rules }) => {
        const files: ChartFiles = {
          "Chart.yaml": CHART_YAML,
          ".helmignore": `${rules.join("\n")}\n`,
        };
        for (const p of withoutFolderClashes([...paths, "templates/t.yaml"]))
          files[p] ??= "x";
        const helm = await referencePackageListing(files);
        let ours: { ok: true; names: string[] } | { ok: false; error: string };
        try {
          ours = { ok: true, names: loadedNames(files) };
        } catch (e) {
          ours = { ok: false, error: (e as Error).message };
        }
        return { helmignore: files[".helmignore"], helm, ours };
      }),
    );
    for (const r of results)
      expect({ helmignore: r.helmignore, result: r.ours }).toEqual({
        helmignore: r.helmignore,
        result: r.helm,
      });
    // The sample must exercise both outcomes, or it proves little.
    expect(results.some((r) => r.helm.ok)).toBe(true);
    expect(results.some((r) => !r.helm.ok)).toBe(true);
  });
});

describe("malformed .helmignore patterns fail with helm message, others load", () => {
  const BAD = [
    "a\\",
    "[",
    "abc[",
    "[]a]",
    "[a-]",
    "a[^",
    "*\\",
    "a/**",
    "[\\",
    "x\\/",
    "[z-a]",
    "!x[",
    "/[-a]",
  ];
  it.each(BAD)("%s", async (line) => {
    const files: ChartFiles = {
      "Chart.yaml": CHART_YAML,
      ".helmignore": `ok.txt\n${line}\n`,
    };
    const helm = await referencePackageListing(files);
    let ours: { ok: true; names: string[] } | { ok: false; error: string };
    try {
      ours = { ok: true, names: loadedNames(files) };
    } catch (e) {
      ours = { ok: false, error: (e as Error).message };
    }
    expect(ours).toEqual(helm);
  });
});
