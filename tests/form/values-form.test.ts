/**
 * The values form rendered to static HTML (no DOM library needed): accessible names, wiring
 * of help and errors, and what the Bundled/External switches reveal, on the real charts.
 */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ValuesForm } from '@/components/form';
import { readableHelmErrors, type FieldErrors, type JsonSchema } from '@/lib/form';
import { schemaErrorsByPath } from '@/lib/configurator/render-errors';
import { errorReport } from '@/lib/errors';
import { loadChartFiles, pathKeys, templateChart } from '@/lib/helm';
import { plain } from '@/tests/form/schemas';

const schemaOf = (chart: string) => JSON.parse(readFileSync(`charts/${chart}/values.schema.json`, 'utf8')) as JsonSchema;
const valuesOf = (chart: string) =>
  parse(readFileSync(`charts/${chart}/values.yaml`, 'utf8'), { version: '1.1' }) as Record<string, unknown>;

/** The errors the form shows for these values: Helm's own schema check, as the render reports it, in words. */
function helmFormErrors(schema: JsonSchema, values: unknown): FieldErrors {
  const enc = new TextEncoder();
  const files = { 'Chart.yaml': 'apiVersion: v2\nname: form\nversion: 0.1.0\n', 'values.schema.json': JSON.stringify(schema), 'values.yaml': stringify(values) };
  try {
    templateChart(loadChartFiles(Object.entries(files).map(([name, text]) => ({ name, data: enc.encode(text) }))));
    return {};
  } catch (e) {
    return readableHelmErrors(schema, schemaErrorsByPath(errorReport(e).schemaProblems));
  }
}

function render(schema: JsonSchema, values: unknown, errors = helmFormErrors(schema, values)): string {
  return renderToStaticMarkup(createElement(ValuesForm, { schema, values, errors, onChange: () => {} }));
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

interface Tag {
  name: string;
  attrs: Record<string, string>;
}

function tags(html: string, names: string[]): Tag[] {
  const out: Tag[] = [];
  const re = new RegExp(`<(${names.join('|')})((?:\\s[^>]*)?)>`, 'g');
  for (const m of html.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([\w-]+)(?:="([^"]*)")?/g)) attrs[a[1]] = decode(a[2] ?? '');
    out.push({ name: m[1], attrs });
  }
  return out;
}

function labels(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<label for="([^"]+)"[^>]*>([\s\S]*?)<\/label>/g)) {
    out.set(decode(m[1]), decode(m[2].replace(/<[^>]+>/g, '')));
  }
  return out;
}

function controls(html: string): Tag[] {
  return tags(html, ['input', 'select', 'textarea', 'button']).filter(
    (t) => t.name !== 'button' || t.attrs.role === 'switch',
  );
}

function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1])));
}

/** Controls with this label, alone or after the labels of the fields around it (`Image › Pull policy`). */
function controlLabelled(html: string, label: string): Tag[] {
  const byId = labels(html);
  return controls(html).filter((c) => {
    const text = byId.get(c.attrs.id);
    return text === label || !!text?.endsWith(` › ${label}`);
  });
}

describe.each(['aeterna', 'verta'])('the %s form', (chart) => {
  const schema = schemaOf(chart);
  const html = render(schema, valuesOf(chart));

  it('every control has a label naming it', () => {
    const byId = labels(html);
    const unlabeled = controls(html).filter((c) => !c.attrs.id || !byId.get(c.attrs.id)?.trim());
    expect(unlabeled).toEqual([]);
    expect(controls(html).length).toBeGreaterThan(60);
  });

  it('ids are unique and aria-describedby points at existing elements', () => {
    const all = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(all.length).toBe(new Set(all).size);
    const ids = idsIn(html);
    const dangling = tags(html, ['input', 'select', 'textarea', 'button', 'fieldset'])
      .flatMap((t) => (t.attrs['aria-describedby'] ?? '').split(' ').filter(Boolean))
      .filter((id) => !ids.has(id));
    expect(dangling).toEqual([]);
  });

  it('sections are headings, in the hinted order', () => {
    const headings = [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => decode(m[1]));
    const declared = (schema['x-chartroom']!.sections ?? []).map((s) => s.title);
    expect(headings).toEqual(declared);
  });
});

describe('aeterna: modes, secrets and errors', () => {
  const schema = schemaOf('aeterna');
  const defaults = valuesOf('aeterna');
  const external = structuredClone(defaults) as Record<string, Record<string, unknown>>;
  external.postgresql.enabled = false;
  external.redis.enabled = false;

  it('each dependency has a Bundled / External radio group', () => {
    const html = render(schema, defaults);
    const radios = tags(html, ['input']).filter((t) => t.attrs.type === 'radio');
    const byId = labels(html);
    expect(radios.map((r) => byId.get(r.attrs.id))).toEqual(['Bundled', 'External', 'Bundled', 'External', 'Bundled', 'External']);
    expect(radios.filter((r) => 'checked' in r.attrs).map((r) => byId.get(r.attrs.id))).toEqual(['Bundled', 'Bundled', 'Bundled']);
  });

  it('External reveals the connection fields, Bundled hides them', () => {
    expect(render(schema, defaults)).not.toContain('postgres.example.internal');
    const html = render(schema, external);
    expect(html).toContain('placeholder="postgres.example.internal"');
    expect(html).toContain('placeholder="redis.example.internal"');
    expect(html).not.toContain('placeholder="qdrant.example.internal"');
  });

  it('the required external host shows its error inline, wired to the input', () => {
    const html = render(schema, external);
    const hosts = tags(html, ['input']).filter((t) => t.attrs.placeholder === 'postgres.example.internal');
    expect(hosts).toHaveLength(1);
    const host = hosts[0];
    expect(host.attrs['aria-invalid']).toBe('true');
    const errorId = host.attrs['aria-describedby'].split(' ').find((id) => id.endsWith('-errors'))!;
    const list = html.slice(html.indexOf(`id="${errorId}"`)).split('</ul>')[0];
    // Helm 4's own words for the failed minLength rule: the form shows what helm reports.
    expect(list).toContain('minLength: got 0, want 1');
    expect(html).toContain('fields need attention.');
  });

  it('secrets are masked, can be generated, and offer an existing Secret', () => {
    const html = render(schema, defaults);
    const [kms] = controlLabelled(html, 'Local KMS key');
    expect(kms.attrs.type).toBe('password');
    const secretsSection = html.slice(html.indexOf('>Secrets</h2>'), html.indexOf('>Redis</h2>'));
    expect(secretsSection).toContain('>Generate</button>');
    expect(secretsSection).toContain('aria-pressed="false"');
    const [toggle] = controlLabelled(secretsSection, 'Use an existing Secret');
    expect(toggle.attrs).toMatchObject({ role: 'switch', 'aria-checked': 'false' });
    expect(controlLabelled(secretsSection, 'Existing Secret')).toEqual([]);
  });

  it('a Secret name in the values selects it and hides the plain secrets', () => {
    const values = structuredClone(defaults) as Record<string, Record<string, unknown>>;
    values.secrets.existingSecret = 'aeterna-secrets';
    const html = render(schema, values);
    expect(controlLabelled(html, 'Use an existing Secret')[0].attrs['aria-checked']).toBe('true');
    expect(controlLabelled(html, 'Existing Secret')[0].attrs.value).toBe('aeterna-secrets');
    expect(controlLabelled(html, 'Local KMS key')).toEqual([]);
    expect(controlLabelled(html, 'OpenAI API key')).toEqual([]);
  });

  it('integers, switches, selects and maps get their widgets', () => {
    const html = render(schema, defaults);
    expect(controlLabelled(html, 'Replicas')[0].attrs).toMatchObject({ inputMode: 'numeric', value: '2' });
    expect(controlLabelled(html, 'Enabled').every((c) => c.attrs.role === 'switch')).toBe(true);
    expect(controlLabelled(html, 'Install the operator')[0].name).toBe('select');
    expect(controlLabelled(html, 'Pull policy')[0].name).toBe('select');
    // Nested fields say where they sit: one "Pull policy" per image, each told apart.
    const pullPolicies = [...labels(html).values()].filter((l) => l.endsWith('Pull policy'));
    expect(new Set(pullPolicies).size).toBe(pullPolicies.length);
    expect(pullPolicies.every((l) => l.includes(' › '))).toBe(true);
    // Lists of scalars are chips: each entry with a remove button naming it, and one labelled input to add.
    expect(chipsOf(html, 'Topology keys')).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    expect(controlLabelled(html, 'Add to Topology keys')).toHaveLength(1);
    expect(controlLabelled(html, 'Hosts 1').length + controlLabelled(html, 'Host').length).toBeGreaterThan(0);
    expect(html).toContain('<summary');
  });
});

/** The entries a chip list shows, read from the remove buttons' labels ("Remove a from Args"). */
function chipsOf(html: string, label: string): string[] {
  const suffix = ` from ${label}`;
  return tags(html, ['button'])
    .map((t) => t.attrs['aria-label'] ?? '')
    .filter((l) => l.startsWith('Remove ') && l.endsWith(suffix))
    .map((l) => l.slice('Remove '.length, -suffix.length));
}

describe('a chart without hints', () => {
  const values = { replicaCount: 1, image: { repository: '' }, args: ['a'], podAnnotations: { x: 'y' }, ports: [{ port: 80 }] };
  const html = render(plain, values);

  it('gets one section per top-level key, every control labelled', () => {
    const headings = [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => decode(m[1]));
    expect(headings).toEqual(['Replica count', 'Image', 'Debug', 'Ratio', 'Pod annotations', 'Args', 'Ports', 'Affinity', 'Extra env', 'Install', 'Min available', 'Notes']);
    const byId = labels(html);
    expect(controls(html).filter((c) => !byId.get(c.attrs.id))).toEqual([]);
  });

  it('shows errors on the field and marks it invalid', () => {
    const [repo] = controlLabelled(html, 'Repository');
    expect(repo.attrs).toMatchObject({ 'aria-invalid': 'true', 'aria-required': 'true' });
    expect(html).toContain('minLength: got 0, want 1');
  });

  it('renders lists, maps and arrays of objects with labelled rows', () => {
    expect(chipsOf(html, 'Args')).toEqual(['a']);
    expect(controlLabelled(html, 'Add to Args')[0].name).toBe('input');
    expect(controlLabelled(html, 'Pod annotations key 1')[0].attrs.value).toBe('x');
    expect(controlLabelled(html, 'Pod annotations value 1')[0].attrs.value).toBe('y');
    expect(controlLabelled(html, 'Port')[0].attrs.value).toBe('80');
  });
});

describe('keys with dots in them (label and annotation names)', () => {
  const schema = JSON.parse(readFileSync('tests/form/charts/dotted-keys/values.schema.json', 'utf8')) as JsonSchema;
  const values = parse(readFileSync('tests/form/charts/dotted-keys/values.yaml', 'utf8')) as Record<string, unknown>;
  const html = render(schema, values, {});

  it('each field is marked with its values path, a dot in a key escaped, so the page gets its keys back', () => {
    const fields = tags(html, ['div', 'fieldset']).map((t) => t.attrs['data-field']).filter((f) => f !== undefined);
    expect(fields).toContain('podAnnotations.prometheus\\.io/scrape');
    expect(fields).toContain('nodeSelector.kubernetes\\.io/os');
    expect(pathKeys('podAnnotations.prometheus\\.io/scrape')).toEqual(['podAnnotations', 'prometheus.io/scrape']);
    // No field stands for a path that is not in the values.
    expect(fields).not.toContain('podAnnotations.prometheus.io/scrape');
  });

  it('every control is labelled and ids stay unique', () => {
    const ids = tags(html, ['input', 'select', 'textarea', 'fieldset', 'div']).map((t) => t.attrs.id).filter((id) => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
    const named = labels(html);
    for (const c of tags(html, ['input', 'select'])) if (c.attrs.type !== 'hidden' && c.attrs.type !== 'radio') expect(named.get(c.attrs.id), c.attrs.id).toBeTruthy();
  });
});
