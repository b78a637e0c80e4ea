import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { nextSeparator, SEPARATOR, splitManifests } from './split';

/** All SEPARATOR matches as [start, end], the way the regex finds them. */
function regexMatches(text: string): [number, number][] {
  const re = new RegExp(SEPARATOR.source, 'g');
  const out: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function scannedMatches(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let m = nextSeparator(text, 0); m; m = nextSeparator(text, m[1])) out.push(m);
  return out;
}

describe('document separators', () => {
  const cases: [string, string][] = [
    ['at the start', '---\na: 1'],
    ['between documents', 'a: 1\n---\nb: 2'],
    ['with blanks around', 'a: 1 \t\n\n---  \n\nb: 2'],
    ['two in a row', 'a\n---\n---\nb'],
    ['not at a line start', 'a: ---\nb: x---'],
    ['more dashes', 'a\n-----\nb'],
    ['only a separator', '---'],
    ['carriage returns', 'a\r\n---\r\nb'],
  ];
  test.each(cases)('%s', (_name, text) => {
    expect(scannedMatches(text)).toEqual(regexMatches(text));
  });

  test('random texts', () => {
    const piece = fc.constantFrom('-', '---', '\n', ' ', '\t', '\r', '\f', 'a', '\n---', '\v', '\u00a0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(scannedMatches(text)).toEqual(regexMatches(text));
      }),
      { numRuns: 5000 },
    );
  });

  test('splitManifests keeps non-empty trimmed documents', () => {
    expect(splitManifests('---\na: 1\n---\n\nb: 2\n\n---\n')).toEqual(['a: 1', 'b: 2']);
    // A separator's trailing blanks take the newline a following `---` would need.
    expect(splitManifests('a: 1\n---\n---\nb: 2')).toEqual(['a: 1', '---\nb: 2']);
  });
});
