import { describe, expect, test } from 'vitest';
import { documents, firstRenderDifference, volatility } from './compare-renders';

const doc = (source: string, body: string) => `---\n# Source: ${source}\n${body}\n`;

describe('documents', () => {
  test('splits helm template output at each --- line, keeping it', () => {
    const out = doc('c/templates/a.yaml', 'a: 1') + doc('c/templates/b.yaml', 'b: 2');
    expect(documents(out)).toEqual([doc('c/templates/a.yaml', 'a: 1'), doc('c/templates/b.yaml', 'b: 2')]);
  });
});

describe('firstRenderDifference', () => {
  const helmA = doc('c/templates/s.yaml', 'kind: Secret\ndata:\n  password: "aGVsbG8="\n  user: "admin"');
  const helmB = doc('c/templates/s.yaml', 'kind: Secret\ndata:\n  password: "d29ybGQ="\n  user: "admin"');
  const vol = volatility(helmA, helmB);

  test('a line that differs between two helm renders is masked down to the tokens they share', () => {
    expect(vol?.maskedLines).toBe(1);
    expect(firstRenderDifference(helmA, doc('c/templates/s.yaml', 'kind: Secret\ndata:\n  password: "Y2hhcnQ="\n  user: "admin"'), vol)).toBeNull();
  });

  test('the masked line must still keep what both helm lines share around the random part', () => {
    const ours = doc('c/templates/s.yaml', 'kind: Secret\ndata:\n  passwd: "Y2hhcnQ="\n  user: "admin"');
    expect(firstRenderDifference(helmA, ours, vol)).toContain('line 5');
  });

  test('lines helm repeats exactly are compared exactly', () => {
    const ours = doc('c/templates/s.yaml', 'kind: Secret\ndata:\n  password: "aGVsbG8="\n  user: "root"');
    expect(firstRenderDifference(helmA, ours, vol)).toContain('"  user: \\"root\\""');
  });

  test('documents compare in order unless helm reorders them between its own renders', () => {
    const x = doc('c/templates/x.yaml', 'x: 1');
    const y = doc('c/templates/y.yaml', 'y: 1');
    expect(firstRenderDifference(x + y, y + x, volatility(x + y, x + y))).toContain('c/templates/x.yaml, line 2');
    const reordered = volatility(x + y, y + x);
    expect(reordered?.unordered).toBe(true);
    expect(firstRenderDifference(x + y, y + x, reordered)).toBeNull();
  });

  test('helm renders that differ in shape cannot be aligned', () => {
    expect(volatility(doc('a', 'a: 1'), doc('a', 'a: 1') + doc('b', 'b: 1'))).toBeNull();
  });
});
