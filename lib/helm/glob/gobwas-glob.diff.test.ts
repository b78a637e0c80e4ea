/**
 * `.Files.Glob` (gobwas/glob with `/` as separator) compared with helm 3.17.3: random patterns
 * over gobwas' syntax (fast-check, fixed seed), every printable ASCII character alone and in a
 * class, against one chart's files, all answered by one helm run.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  referenceTemplateFiles,
  type ChartFiles,
} from "../../../tests/helm/reference";
import { filesGlobMatcher } from "./gobwas-glob";

const NAMES = [
  "a",
  "b",
  "ab",
  "a.txt",
  "b.yaml",
  "a-b",
  "x/a",
  "x/b.txt",
  "x/y/a.txt",
  "x/y/z/b",
  "[a]",
  "{a,b}",
  "a,b",
  "!a",
  "a*",
  "a?",
  "\\a",
  "é",
  "aé",
  "]",
  "}",
  "-",
  "^",
  "c d",
  "files/one.conf",
  "files/two.conf",
  "files/sub/three.conf",
  ".hidden",
  "x/.b",
];

const ATOMS = [
  "a",
  "b",
  ".",
  "/",
  "*",
  "**",
  "?",
  "[a-b]",
  "[!a]",
  "[ab]",
  "[!]",
  "[]",
  "[a-]",
  "[-a]",
  "{a,b}",
  "{a,",
  "{",
  "}",
  ",",
  "\\",
  "\\*",
  "\\[",
  "é",
  "x/",
  "files/",
  ".txt",
  ".conf",
  "[",
  "]",
  "!",
  "-",
  "^",
];

const PRINTABLE = Array.from({ length: 95 }, (_, i) =>
  String.fromCharCode(0x20 + i),
);

// gobwas' optimiser panics on a few patterns (`?[ab]{`: "slice bounds out of range"), which
// helm reports as a template error; chartroom matches them as they read instead (see
// docs/architecture.md), so they are left out here.
const GOBWAS_PANICS = new Set(["?[ab]{"]);

const patterns = [
  ...fc
    .sample(
      fc
        .array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 5 })
        .map((a) => a.join("")),
      { seed: 1313, numRuns: 300 },
    )
    .filter((p) => !GOBWAS_PANICS.has(p)),
  ...PRINTABLE.flatMap((c) => [
    c,
    `${c}*`,
    `*${c}*`,
    `[${c}]`,
    `[!${c}]`,
    `{${c},a}`,
    `\\${c}`,
    `[${c}-~]`,
  ]),
];

describe(".Files.Glob matches the names helm matches", () => {
  it(`${patterns.length} patterns over ${NAMES.length} files`, async () => {
    const files: ChartFiles = {
      "Chart.yaml": "apiVersion: v2\nname: fixture\nversion: 0.1.0\n",
      "values.yaml": JSON.stringify({ patterns }),
      "templates/glob.yaml":
        "# ALL{{ range $k, $_ := .Files }} {{ $k | toJson }}{{ end }}\n{{ range .Values.patterns }}# GLOB{{ range $k, $_ := $.Files.Glob . }} {{ $k | toJson }}{{ end }}\n{{ end }}",
    };
    for (const n of NAMES) files[n] = "x";
    const helm = await referenceTemplateFiles(files);
    if (!helm.ok) throw new Error(helm.error);
    const lines = helm.output.split("\n");
    const parse = (l: string, tag: string): string[] =>
      (l.slice(tag.length).match(/"(?:[^"\\]|\\.)*"/g) ?? []).map(
        (s) => JSON.parse(s) as string,
      );
    const all = parse(
      lines.find((l) => l.startsWith("# ALL"))!,
      "# ALL",
    );
    const globs = lines
      .filter((l) => l.startsWith("# GLOB"))
      .map((l) => parse(l, "# GLOB"));
    expect(globs.length).toBe(patterns.length);
    const mismatches: string[] = [];
    patterns.forEach((p, i) => {
      const m = filesGlobMatcher(p);
      const ours = all.filter((n) => m(n));
      if (JSON.stringify(ours) !== JSON.stringify(globs[i]))
        mismatches.push(
          `${JSON.stringify(p)}: helm ${JSON.stringify(globs[i])}, chartroom ${JSON.stringify(ours)}`,
        );
    });
    // gobwas mis-measures alternatives next to multi-byte characters and misses these names;
    // chartroom matches what the pattern says (docs/architecture.md). Any other difference fails.
    expect(mismatches).toEqual([
      '"[a-b]{a,é": helm [], chartroom ["aé"]',
      '"[-a]é{a,": helm [], chartroom ["aé"]',
    ]);
  });
});
