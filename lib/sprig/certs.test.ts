import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GoInt, GoStruct, setRandomSource } from '../go';
import { certFuncs } from './certs';
import { setClock } from './date';

/** A byte stream from a seed (not random: tests need the same bytes again). */
function bytesFrom(seed: number): (out: Uint8Array) => void {
  let x = seed;
  return (out) => {
    for (let i = 0; i < out.length; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  };
}

const certOf = (v: unknown): string => (v as GoStruct).field('Cert') as string;
const genCA = (cn: string): string => certOf(certFuncs.genCA.call(cn, new GoInt(365)));

describe('key-generating functions under a pinned random source', () => {
  const restore = setClock(() => Date.UTC(2026, 0, 1));
  afterEach(() => setRandomSource(null));
  afterAll(() => setClock(restore));

  it('keep their result per source key and arguments, and make it again for anything else', () => {
    setRandomSource(bytesFrom(1), 'session\0site\0genCA\0["a",365]\0' + '0');
    const first = genCA('a');
    // The same key stands for the same bytes: the kept result comes back (other bytes would make another).
    setRandomSource(bytesFrom(2), 'session\0site\0genCA\0["a",365]\0' + '0');
    expect(genCA('a')).toBe(first);
    // Other arguments under the same key, another key, no key: made again.
    setRandomSource(bytesFrom(2), 'session\0site\0genCA\0["a",365]\0' + '0');
    const other = genCA('b');
    expect(other).not.toBe(first);
    setRandomSource(bytesFrom(2), 'session\0site\0genCA\0["a",365]\0' + '1');
    expect(genCA('a')).not.toBe(first);
    setRandomSource(bytesFrom(1));
    expect(genCA('a')).toBe(first);
  });

  it('take a source key once: a second call drawing from the same source makes its result', () => {
    setRandomSource(bytesFrom(3), 'session\0site\0genCA\0["c",365]\0' + '0');
    const first = genCA('c');
    expect(genCA('c')).not.toBe(first);
  });
});
