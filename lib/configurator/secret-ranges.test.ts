import { describe, expect, it } from 'vitest';
import { secretRanges } from './secret-ranges';

const cut = (text: string, fields = []) => secretRanges(text, fields).map((r) => text.slice(r.start, r.end));

describe('secretRanges', () => {
  it.each([
    ['a password by its key', 'db:\n  password: hunter2\n  host: db\n', ['hunter2']],
    ['a quoted token', 'api:\n  token: "abc def"\n', ['"abc def"']],
    ['a URL with credentials under any key', 'url: postgres://u:pw@h/db\n', ['postgres://u:pw@h/db']],
    ['a PEM block', 'tls:\n  privateKey: |\n    -----BEGIN PRIVATE KEY-----\n    xyz\n', ['|\n    -----BEGIN PRIVATE KEY-----\n    xyz\n']],
    ['nothing secret', 'replicas: 2\nsecretName: foo\n', []],
    ['broken text', 'a: [\n', []],
  ])('%s', (_, text, expected) => {
    expect(cut(text)).toEqual(expected);
  });

  it('follows the schema', () => {
    const text = 'discord:\n  bot: xyz\n';
    expect(secretRanges(text, [{ path: ['discord', 'bot'] }]).map((r) => text.slice(r.start, r.end))).toEqual(['xyz']);
  });
});
