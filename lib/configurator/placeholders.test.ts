import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PLACEHOLDER_COMMENT, placeholderValue, withPlaceholders } from './placeholders';

const schema = {
  type: 'object',
  properties: {
    secrets: {
      type: 'object',
      properties: {
        databaseUrl: { type: 'string', 'x-chartroom': { secret: true, placeholder: 'mysql://user:password@db:4000/app' } },
        token: { type: 'string', minLength: 20 },
        port: { type: 'integer' },
      },
    },
  },
};

describe('placeholders', () => {
  it.each([
    [['secrets', 'databaseUrl'], 'mysql://user:password@db:4000/app'],
    [['secrets', 'token'], 'placeholder-tokenxxxxx'.slice(0, 20)],
    [['secrets', 'port'], undefined],
    [['nothing', 'here'], undefined],
  ])('%j → %s', (path, expected) => {
    const v = placeholderValue(schema, path);
    expect(v).toBe(expected);
    if (typeof v === 'string') expect(v.length).toBeGreaterThanOrEqual(path[1] === 'token' ? 20 : 1);
  });

  it('writes them into the text, each marked, keeping what was there', () => {
    const { text, filled } = withPlaceholders('# mine\nother: 1\n', schema, [['secrets', 'databaseUrl'], ['secrets', 'port']], {});
    expect(filled).toEqual([['secrets', 'databaseUrl']]);
    expect(text).toContain('# mine');
    expect(text).toContain(`mysql://user:password@db:4000/app #${PLACEHOLDER_COMMENT}`);
    expect(parse(text)).toEqual({ other: 1, secrets: { databaseUrl: 'mysql://user:password@db:4000/app' } });
  });
});
