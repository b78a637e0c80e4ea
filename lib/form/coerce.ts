/** Text typed into inputs turned into values of the types the schema allows, and back. */
import type { JsonType } from './schema';

/** A parse that either produced a value or left the draft as typed. */
export type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

const INTEGER = /^[+-]?[0-9]+$/;
const DECIMAL = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;

/**
 * Parses a number input. Integers stay integers: `integer` accepts whole numbers only
 * (`2.0` is 2); `number` accepts any finite decimal.
 */
export function parseNumberText(text: string, integer: boolean): Parsed {
  const t = text.trim();
  if (t === '') return { ok: false, reason: 'Enter a number.' };
  if (!DECIMAL.test(t)) return { ok: false, reason: integer ? 'Must be a whole number.' : 'Must be a number.' };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, reason: 'Number is too large.' };
  if (integer && !Number.isInteger(n)) return { ok: false, reason: 'Must be a whole number.' };
  if (integer && !Number.isSafeInteger(n)) return { ok: false, reason: 'Number is too large.' };
  return { ok: true, value: n };
}

/**
 * Text for a field that allows several scalar types (`["integer", "string"]`, a list item, a
 * map value). A number literal becomes a number when numbers are allowed and either strings are
 * not or the previous value was a number; `true`/`false` likewise for booleans.
 */
export function parseScalarText(text: string, types: readonly JsonType[], previous?: unknown): unknown {
  const allowsString = types.length === 0 || types.includes('string');
  const t = text.trim();
  const wantsNumber = types.includes('number') || types.includes('integer');
  if (wantsNumber && (!allowsString || typeof previous === 'number')) {
    const integerOnly = types.includes('integer') && !types.includes('number');
    const parsed = parseNumberText(t, integerOnly);
    if (parsed.ok && (!integerOnly || INTEGER.test(t) || Number.isInteger(parsed.value))) return parsed.value;
  }
  if (types.includes('boolean') && (!allowsString || typeof previous === 'boolean')) {
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  if (types.includes('null') && !allowsString && (t === '' || t === 'null')) return null;
  return text;
}

/** How a scalar value reads in a text input. */
export function scalarToText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
