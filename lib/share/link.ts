/**
 * Share links: a configuration as JSON → raw DEFLATE → base64url, in the URL fragment
 * (`https://host/path#cr1.<payload>`), which browsers never send to a server. `cr1` is the link
 * format version. Secrets are removed before encoding; the link says which paths were left out.
 */
import { Inflate, deflateSync } from 'fflate';
import { base64urlnopad } from '@scure/base';
import { normalizeConfig, validateConfig, type ChartroomConfig } from './config';
import { schemaSecretFields, stripSecretsFromText, type SecretField } from './secrets';
import { LINK_PREFIX } from './format';

export { LINK_PREFIX } from './format';
/** Longest fragment payload we try to read (a configuration this large belongs in a file). */
export const MAX_PAYLOAD_CHARS = 64 * 1024;
/** Largest inflated JSON we accept; inflation stops as soon as it is exceeded. */
export const MAX_INFLATED_BYTES = 256 * 1024;
/** Compressed bytes fed to the inflater at a time: DEFLATE expands at most ~1032×, so one step stays small. */
const INFLATE_STEP = 64;

export interface EncodeOptions {
  /** values.schema.json of the chart (parsed): its `secret` hints decide, with key-name rules. */
  schema?: unknown;
  /** Page the link opens, e.g. `https://chartroom.example/configure`; default: the fragment only. */
  baseUrl?: string;
}

export interface ShareLink {
  /** `baseUrl#cr1.…` (or `#cr1.…` without a base URL). */
  url: string;
  /** The fragment without `#`. */
  fragment: string;
  /** Paths of secret values left out, per file: `values` or `environments.<name>`, e.g. `values: secrets.openaiApiKey`. */
  removed: string[];
  /** The configuration the link carries (secrets removed). */
  config: ChartroomConfig;
}

/**
 * Encodes a configuration as a share link, secrets removed. Throws
 * {@link import('./secrets').ValuesTextError} when a values text is not valid YAML (its
 * secrets could not be found, so it is not shared).
 */
export function encodeShareLink(config: ChartroomConfig, opts: EncodeOptions = {}): ShareLink {
  const fields = schemaSecretFields(opts.schema);
  const { config: clean, removed } = withoutSecrets(config, fields);
  const json = JSON.stringify(normalizeConfig(clean));
  const payload = base64urlnopad.encode(deflateSync(new TextEncoder().encode(json), { level: 9 }));
  const fragment = `${LINK_PREFIX}${payload}`;
  const base = (opts.baseUrl ?? '').replace(/#.*$/, '');
  return { url: `${base}#${fragment}`, fragment, removed, config: clean };
}

/** The configuration with every secret value removed from its values texts. */
export function withoutSecrets(config: ChartroomConfig, fields: readonly SecretField[]): { config: ChartroomConfig; removed: string[] } {
  const removed: string[] = [];
  const base = stripSecretsFromText(config.values, fields);
  removed.push(...base.removed.map((p) => `values: ${p}`));
  const out: ChartroomConfig = { ...config, values: base.text };
  if (config.environments) {
    out.environments = config.environments.map((env) => {
      const r = stripSecretsFromText(env.values, fields);
      removed.push(...r.removed.map((p) => `environments.${env.name}: ${p}`));
      return { ...env, values: r.text };
    });
  }
  return { config: out, removed };
}

/** Why a link could not be opened; each has its own message for people. */
export type LinkProblem = 'not-a-link' | 'newer-format' | 'too-large' | 'corrupt' | 'invalid';

export type DecodeResult = { ok: true; config: ChartroomConfig } | { ok: false; problem: LinkProblem; message: string };

const fail = (problem: LinkProblem, message: string): DecodeResult => ({ ok: false, problem, message });

class TooLarge extends Error {}

/** Inflates raw DEFLATE data, giving up (without allocating more) once the output passes `limit`. */
export function inflateCapped(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    chunks.push(chunk);
  });
  for (let i = 0; i < data.length; i += INFLATE_STEP) {
    inflater.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The fragment of a URL (or the text itself when it has no `#`), without the `#`. */
function fragmentOf(input: string): string {
  const text = input.trim();
  const hash = text.indexOf('#');
  return hash >= 0 ? text.slice(hash + 1) : text;
}

/**
 * Opens a share link (a whole URL, or just its fragment). Never throws: a broken, truncated,
 * tampered, oversized or newer-format link gives `{ok: false}` with a message for people.
 */
export function decodeShareLink(input: string): DecodeResult {
  const fragment = fragmentOf(input);
  const version = /^cr(\d+)\./.exec(fragment);
  if (!version) return fail('not-a-link', 'This is not a chartroom configuration link (it should end in #cr1.…).');
  if (Number(version[1]) !== 1) {
    return fail('newer-format', `This link uses link format ${version[1]}, made by a newer chartroom; this one opens format 1 links.`);
  }
  const payload = fragment.slice(version[0].length);
  if (payload.length > MAX_PAYLOAD_CHARS) return fail('too-large', `This link is too long to be a chartroom configuration (over ${MAX_PAYLOAD_CHARS} characters).`);
  if (payload === '') return fail('corrupt', 'This link is incomplete: it carries no configuration. Copy the whole link and try again.');
  let compressed: Uint8Array;
  try {
    compressed = base64urlnopad.decode(payload);
  } catch {
    return fail('corrupt', 'This link is damaged or cut short. Copy the whole link and try again.');
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflateCapped(compressed, MAX_INFLATED_BYTES));
  } catch (e) {
    if (e instanceof TooLarge) return fail('too-large', `This link unpacks to more than ${MAX_INFLATED_BYTES / 1024} KiB, far more than any configuration; it was not opened.`);
    return fail('corrupt', 'This link is damaged or cut short: its data does not unpack. Copy the whole link and try again.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail('corrupt', 'This link is damaged: its data is not a configuration. Copy the whole link and try again.');
  }
  const checked = validateConfig(raw);
  if (!checked.ok) return fail(checked.newerFormat ? 'newer-format' : 'invalid', `This link's configuration can't be used. ${checked.message}`);
  return { ok: true, config: checked.config };
}

