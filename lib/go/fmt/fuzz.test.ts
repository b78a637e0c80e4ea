/**
 * Seeded random format strings — flags, widths, `*`, argument indexes, stray `%`, odd verbs —
 * with random operands, compared with helm. Catches parser-state corners the tables miss.
 */
import { describe, expect, it } from 'vitest';
import { referenceExecute } from '../../../tests/helm/reference';
import { evalAction } from '../../../tests/go/fmt-testargs';
import { sprintf } from './fmt';

const VALUES = 'f: 2.5\nbig: 12345678\nneg: -0.125\nm: {k: 1, j: "v"}\nl: [1, "a", null]\n';
const OPERANDS = ['0', '1', '-1', '7', '255', '-300', '3', '"x"', '"héllo"', '""', 'true', 'nil', '.Values.f', '.Values.big', '.Values.neg', '.Values.m', '.Values.l', '1.5', '(int64 -2)', '0x41'];
const PIECES = ['%', '%%', '-', '+', '#', '0', ' ', '1', '5', '12', '.', '.2', '*', '[1]', '[2]', '[3]', '[9]', '[', ']', 'v', 'd', 's', 'q', 'x', 'X', 'f', 'e', 'g', 'c', 'U', 't', 'T', 'o', 'b', 'z', '|'];

function rng(seed: number) {
  return () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
}

function generate(count: number): string[] {
  const next = rng(0x1234567);
  const pick = <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let fmt = '';
    const n = 2 + Math.floor(next() * 12);
    for (let j = 0; j < n; j++) fmt += next() < 0.3 ? '%' + pick(PIECES) : pick(PIECES);
    const args = Array.from({ length: Math.floor(next() * 5) }, () => pick(OPERANDS));
    out.push(`printf "${fmt}" ${args.join(' ')}`.trim());
  }
  return out;
}

const CASES = generate(400);

describe('random printf formats against helm', async () => {
  const reference = await referenceExecute(CASES.map((a) => ({ template: `{{ ${a} }}`, values: VALUES })));
  it.each(CASES.map((a, i) => [a, i] as const))('%s', (action, i) => {
    const ref = reference[i];
    if (!ref.ok) throw new Error(ref.error);
    const { args } = evalAction(action, VALUES);
    expect(sprintf(args[0] as string, args.slice(1))).toBe(ref.output);
  });
});
