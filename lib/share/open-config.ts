/**
 * Reading a configuration from a file the user picked: `chartroom.json` itself, or a values
 * bundle / GitOps zip that chartroom exported (which carries it). Every failure becomes a
 * sentence naming the file and, where it can, the line or field that is wrong.
 */
import JSZip from 'jszip';
import { validateConfig, type ConfigResult } from './config';
import { inflateEntry, unsafeEntryName, ZipEntryError } from './zip-entry';

/** A `chartroom.json` can't be larger than this (values are capped at 128 KiB each, 21 of them). */
export const MAX_CONFIG_JSON_BYTES = 4 * 1024 * 1024;
/** GitOps zips vendor the chart and bundles may hold manifests, so zips get more room. */
export const MAX_CONFIG_ZIP_BYTES = 64 * 1024 * 1024;

const CONFIG_NAME = 'chartroom.json';

function fail(message: string, issues: string[] = []): ConfigResult {
  return { ok: false, message, issues };
}

function mib(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Why a file of this size is refused before it is read, or null. The UI asks this first so
 * that a huge file is never loaded into memory.
 */
export function configFileSizeProblem(fileName: string, size: number, zip = /\.zip$/i.test(fileName)): string | null {
  const cap = zip ? MAX_CONFIG_ZIP_BYTES : MAX_CONFIG_JSON_BYTES;
  if (size > cap) return `${fileName} is ${mib(size)}; a ${zip ? 'chartroom zip' : 'chartroom.json'} is at most ${mib(cap)}.`;
  if (size === 0) return `${fileName} is empty.`;
  return null;
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  return `line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}

/**
 * A JSON.parse error as a reason and, when the engine lets us find it, a place. Engines word
 * these differently: V8 gives a position or, for an unexpected token, a quoted excerpt that
 * starts 10 characters before it; Firefox gives line and column.
 */
function describeJsonError(text: string, message: string): { reason: string; place: string | null } {
  const lc = /line (\d+) column (\d+)/i.exec(message);
  const pos = /position (\d+)/i.exec(message);
  const excerpt = /^(Unexpected token '.+?'), (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (excerpt) {
    const at = text.indexOf(excerpt[3]);
    const place = excerpt[2] && at >= 0 ? lineColumn(text, at + 10) : null;
    return { reason: place ? excerpt[1] : `${excerpt[1]} near "${excerpt[3].slice(0, 40)}"`, place };
  }
  const reason = message
    .replace(/^JSON\.parse: /, '')
    .replace(/ (in JSON )?at position \d+( \(line \d+ column \d+\))?/, '')
    .replace(/ at line \d+ column \d+ of the JSON data/, '');
  return { reason, place: lc ? `line ${lc[1]}, column ${lc[2]}` : pos ? lineColumn(text, Number(pos[1])) : null };
}

/** Reads `chartroom.json` bytes; `where` names the file in messages. */
function readConfigJson(bytes: Uint8Array, where: string): ConfigResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(`${where} is not UTF-8 text; open the chartroom.json chartroom wrote, or the zip it came in.`);
  }
  text = text.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const { reason, place } = describeJsonError(text, (e as Error).message);
    return fail(`${where} is not valid JSON${place ? ` (${place})` : ''}: ${reason}.`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail(`${where} does not hold a chartroom configuration (it is JSON, but not an object with "format", "chart" and "values").`);
  }
  const checked = validateConfig(raw);
  if (checked.ok) return checked;
  if (checked.issues.length === 0) return fail(`${where}: ${checked.message}`);
  const fields = checked.issues.slice(0, 3).map((i) => `field ${i.replace(/: Invalid input: expected \w+, received undefined$/, ' is missing')}`);
  const more = checked.issues.length > 3 ? ` (and ${checked.issues.length - 3} more)` : '';
  return fail(`${where} is not a valid configuration: ${fields.join('; ')}${more}.`, checked.issues);
}

/**
 * The `chartroom.json` of an archive: the shallowest one (the export's top folder holds it;
 * a vendored chart deeper down never does). macOS metadata folders are skipped.
 */
function pickConfigEntry(names: string[]): string[] {
  const candidates = names.filter((n) => !n.startsWith('__MACOSX/') && (n === CONFIG_NAME || n.endsWith(`/${CONFIG_NAME}`)));
  if (candidates.length === 0) return [];
  const depth = (n: string) => n.split('/').length;
  const shallowest = Math.min(...candidates.map(depth));
  return candidates.filter((n) => depth(n) === shallowest);
}

async function readConfigZip(bytes: Uint8Array, fileName: string): Promise<ConfigResult> {
  let zip: JSZip;
  try {
    // Only the central directory is read here; nothing is inflated yet.
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false, createFolders: false });
  } catch (e) {
    return fail(`${fileName} could not be read as a zip archive (${(e as Error).message}).`);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const unsafe = entries.map(unsafeEntryName).find((n) => n !== undefined);
  if (unsafe) return fail(`${fileName} is not a chartroom export: it holds the entry "${unsafe}", which points outside the archive.`);
  const picked = pickConfigEntry(entries.map((e) => e.name));
  if (picked.length === 0) {
    return fail(`${fileName} holds no chartroom.json; open a values bundle or GitOps zip exported by chartroom, or the chartroom.json from one.`);
  }
  if (picked.length > 1) {
    return fail(`${fileName} holds several chartroom.json files (${picked.join(', ')}); open the one you mean on its own.`);
  }
  const where = `${picked[0]} in ${fileName}`;
  let data: Uint8Array;
  try {
    data = await inflateEntry(zip.file(picked[0])!, MAX_CONFIG_JSON_BYTES);
  } catch (e) {
    if (e instanceof ZipEntryError && e.tooLarge) return fail(`${where} is ${mib(e.tooLarge)}; a chartroom.json is at most ${mib(MAX_CONFIG_JSON_BYTES)}.`);
    return fail(`${fileName} is a corrupt zip archive: ${where} ${(e as Error).message}.`);
  }
  return readConfigJson(data, where);
}

/**
 * The configuration in a file the user opened: a `chartroom.json`, or a zip exported by
 * chartroom (values bundle or GitOps repository) holding one. The kind is told by the bytes,
 * not the name, so a renamed file still opens.
 */
export async function openConfigFile(bytes: Uint8Array, fileName: string): Promise<ConfigResult> {
  const name = fileName || CONFIG_NAME;
  const zip = isZip(bytes);
  const tooLarge = configFileSizeProblem(name, bytes.length, zip);
  if (tooLarge) return fail(tooLarge);
  if (zip) return readConfigZip(bytes, name);
  if (isGzip(bytes)) {
    return fail(`${name} is a gzip archive (a packaged chart?); open a chartroom.json, or the values bundle or GitOps zip chartroom exported.`);
  }
  if (/\.ya?ml$/i.test(name)) {
    return fail(`${name} is a YAML file, not a chartroom.json; to use a values file, paste it into the values.yaml editor.`);
  }
  return readConfigJson(bytes, name);
}
