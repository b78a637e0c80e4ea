/**
 * Generated values (random passwords, keys, certificates) differ at every helm run, so they are
 * neither changes nor worth showing. Two renders of the same chart and values with different
 * seeds tell where they are: whatever differs between the two is generated, and is replaced by
 * {@link GENERATED} in the text both the diff and its count are made from.
 */
import { diffLines } from 'diff';
import { GENERATED } from './types';

// A masked stretch grows to whole words (up to blanks and quotes), so that neither a prefix two
// random strings share by chance nor part of a timestamp is kept.
const VALUE_CHAR = /[^\s"']/;

function maskLine(a: string, b: string): string {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  while (start > 0 && VALUE_CHAR.test(a[start - 1])) start--;
  while (end > 0 && VALUE_CHAR.test(a[a.length - end])) end--;
  return a.slice(0, start) + GENERATED + a.slice(a.length - end);
}

function lines(text: string): string[] {
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

/** A run of differing lines: masked line by line when both have as many, else one line at the first's indent. */
function maskRun(removed: string, added: string): string {
  const a = lines(removed);
  const b = lines(added);
  if (a.length === b.length) return a.map((l, i) => `${maskLine(l, b[i])}\n`).join('');
  const first = a[0] ?? b[0] ?? '';
  return `${/^\s*/.exec(first)![0]}${GENERATED}\n`;
}

/** `a` with what differs from `b` (the same document rendered with other random values) masked. */
export function maskGenerated(a: string, b: string): string {
  if (a === b) return a;
  const parts = diffLines(a.endsWith('\n') ? a : `${a}\n`, b.endsWith('\n') ? b : `${b}\n`);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i].added && !parts[i].removed) {
      out += parts[i].value;
      continue;
    }
    let removed = '';
    let added = '';
    for (; i < parts.length && (parts[i].added || parts[i].removed); i++) {
      if (parts[i].removed) removed += parts[i].value;
      else added += parts[i].value;
    }
    i--;
    out += maskRun(removed, added);
  }
  return a.endsWith('\n') ? out : out.slice(0, -1);
}
