import { describe, expect, it } from "vitest";
import { REFERENCE, removeChart, runHelm, writeChart } from "../helm/reference";
import { isHelm4 } from "../../lib/helm/version";
import { chartroom } from "./chartroom-cli";
import { describeConformance, type ConformanceCase } from "./conformance";

/** Go values that reach fmt, html/js and the encoders in their Go shape. */
const CASES: ConformanceCase[] = [
  {
    name: "verbs on .Chart: the embedded Metadata in braces, bool fields with the verb given",
    files: {
      "templates/a.yaml":
        'a: {{ printf "%s" .Chart | toJson }}\nb: {{ printf "%d" .Chart | toJson }}\nc: {{ printf "%v|%+v|%t|%q" .Chart .Chart .Chart .Chart | toJson }}\nd: {{ printf "%x" .Chart.IsRoot | toJson }}\n',
    },
  },
  {
    name: "the embedded Metadata is a field of .Chart, and its fields are promoted",
    files: {
      "templates/a.yaml":
        "a: {{ .Chart.Metadata.Name }} {{ .Chart.Name }} {{ .Chart.IsRoot }} {{ print .Chart.Metadata | toJson }}\n",
    },
  },
  {
    name: "html and js of structs print them with fmt",
    files: {
      "templates/a.yaml":
        'a: {{ html .Chart | toJson }}\nb: {{ js .Chart | toJson }}\nc: {{ html .Capabilities.KubeVersion | toJson }}\nd: {{ js .Capabilities.HelmVersion | toJson }}\ne: {{ html .Template | toJson }}\nf: {{ html (semver "1.2.3") | toJson }}\n',
    },
  },
  {
    name: "encoders flatten .Chart; nil slices and maps are null in JSON and left out of TOML",
    files: {
      "templates/a.yaml":
        'a: {{ toJson .Chart | toJson }}\nb: {{ toYaml .Chart | toJson }}\nc: {{ toToml .Chart | toJson }}\nd: {{ .Chart.Keywords | toJson }} {{ .Chart.Annotations | toJson }} {{ .Chart.Dependencies | toJson }}\ne: {{ toToml (dict "a" (fromJson "null") "b" (rest list) "c" 1) | toJson }}\n',
    },
  },
  {
    name: "the top-level object is a chartutil.Values (found by the template fuzzer)",
    files: {
      "templates/a.yaml":
        'a: {{ typeOf $ }} {{ printf "%T" . }}\n{{ define "t" }}{{ typeOf . }}{{ end }}b: {{ include "t" $ }}\n',
    },
  },
  {
    name: "the top-level object named in a wrong-type error",
    files: { "templates/a.yaml": 'a: {{ trunc $ "x" }}\n' },
  },
  {
    name: "include with nil data: fields of no value are empty, not nil pointers (found by the template fuzzer)",
    files: {
      "templates/a.yaml":
        '{{ define "t" }}{{ .Values }}|{{ .a.b }}|{{ $ }}|{{ typeOf . }}{{ end }}a: {{ include "t" nil | quote }}\nb: {{ include "t" .Values.missing | quote }}\nc: {{ tpl "{{ .x }}" nil | quote }}\n',
    },
  },
  {
    name: "Go's errors quote a cut UTF-8 sequence byte by byte (net/url's invalid URL escape)",
    files: { "templates/a.yaml": 'a: {{ urlParse "http://x/%世" | toJson }}\n' },
  },
];

describeConformance("Go values in fmt, html/js and encoders", CASES);

describe("pointer addresses", () => {
  // helm prints the address of a pointer inside a composite value (`[0xc0009231d0]`), which
  // changes from run to run; chartroom prints one fixed address in the same format.
  it("a list of *chart.Maintainer prints as addresses (maps in Helm 4)", async () => {
    const files = {
      "Chart.yaml":
        "apiVersion: v2\nname: c\nversion: 0.1.0\nmaintainers:\n- name: x\n- name: y\n",
      "templates/a.yaml":
        'a: {{ list (html .Chart.Maintainers) (printf "%v" .Chart.Maintainers) | toJson }}\n',
    };
    const dir = writeChart(files);
    try {
      const argv = ["template", "r", dir];
      const helm = await runHelm(argv);
      const ours = chartroom(argv, dir);
      if (isHelm4(REFERENCE.setting)) {
        // Helm 4's .Chart is a map: the maintainers are maps too, with no pointer to print.
        expect(ours.stdout).toBe(helm.stdout);
        expect(helm.stdout).toContain('a: ["[map[Email: Name:x URL:] map[Email: Name:true URL:]]"');
        return;
      }
      const mask = (s: string) => s.replace(/0xc[0-9a-f]{9}/g, "ADDR");
      expect(mask(ours.stdout)).toBe(mask(helm.stdout));
      expect(helm.stdout).toMatch(/a: \["\[0xc[0-9a-f]{9} 0xc[0-9a-f]{9}\]"/);
      expect(ours.stdout).toContain(
        'a: ["[0xc000010000 0xc000010000]","[0xc000010000 0xc000010000]"]',
      );
    } finally {
      removeChart(dir);
    }
  });
});

describe('bytes that are not UTF-8', () => {
  // Go keeps the byte; chartroom's strings are Unicode, so the parser turns it into U+FFFD.
  it('become U+FFFD in chartroom where helm keeps the byte', async () => {
    const files = { 'Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n', 'templates/a.yaml': 'a: {{ "\\xffb" | toJson }}\nb: {{ "\\xffb" | len }}\n' };
    const dir = writeChart(files);
    try {
      const argv = ['template', 'r', dir];
      const helm = await runHelm(argv);
      expect(helm.stdout).toContain('a: "\\ufffdb"\nb: 2\n');
      expect(chartroom(argv, dir).stdout).toContain('a: "\ufffdb"\nb: 4\n');
    } finally {
      removeChart(dir);
    }
  });
});
