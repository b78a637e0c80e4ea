/**
 * Big-integer number theory for key generation (RSA, DSA) on native BigInt, synchronous and
 * fast enough in a browser: a pure-JS 4096-bit RSA key takes seconds, not minutes.
 */
import { bytesToBig } from './der';
import { randomBytes } from '../go';

/** base^exp mod m. */
export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  let result = 1n;
  base %= m;
  if (base < 0n) base += m;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % m;
    base = (base * base) % m;
    exp >>= 1n;
  }
  return result;
}

/** The inverse of a mod m (a and m coprime). */
export function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('not invertible');
  return ((oldS % m) + m) % m;
}

export function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

export const bitLength = (v: bigint): number => (v === 0n ? 0 : v.toString(2).length);

/** A uniformly random bigint with exactly `bits` random bits (top bits may be zero). */
export function randomBits(bits: number): bigint {
  const bytes = randomBytes(Math.ceil(bits / 8));
  const extra = bytes.length * 8 - bits;
  if (extra) bytes[0] &= 0xff >> extra;
  return bytesToBig(bytes);
}

/** A uniformly random bigint in [1, n). */
export function randomBelow(n: bigint): bigint {
  const bits = bitLength(n);
  for (;;) {
    const v = randomBits(bits);
    if (v > 0n && v < n) return v;
  }
}

const SIEVE_LIMIT = 20000;
let sieved: number[] | undefined;
/** The primes below SIEVE_LIMIT, sieved on first use: most renders never make a key, and a CLI run pays for what its module loading does. */
function smallPrimes(): number[] {
  if (sieved) return sieved;
  const sieve = new Uint8Array(SIEVE_LIMIT);
  const out: number[] = [];
  for (let i = 2; i < SIEVE_LIMIT; i++) {
    if (sieve[i]) continue;
    out.push(i);
    for (let j = i * i; j < SIEVE_LIMIT; j += i) sieve[j] = 1;
  }
  return (sieved = out);
}

/** 2^exp mod m by left-to-right squaring: doubling is a shift, so base 2 costs only the squarings. */
function modPow2(exp: bigint, m: bigint): bigint {
  let result = 1n;
  for (const bit of exp.toString(2)) {
    result = (result * result) % m;
    if (bit === '1') {
      result <<= 1n;
      if (result >= m) result -= m;
    }
  }
  return result;
}

function millerRabin(n: bigint, rounds: number): boolean {
  let d = n - 1n;
  let r = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    r++;
  }
  witness: for (let i = 0; i < rounds; i++) {
    let x = i === 0 ? modPow2(d, n) : modPow(2n + randomBelow(n - 3n), d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let j = 1; j < r; j++) {
      x = (x * x) % n;
      if (x === n - 1n) continue witness;
    }
    return false;
  }
  return true;
}

/** Trial division, then Miller–Rabin (base 2, then `rounds - 1` random bases). */
export function isProbablePrime(n: bigint, rounds = 8): boolean {
  if (n < 2n) return false;
  for (const p of smallPrimes()) {
    const bp = BigInt(p);
    if (n === bp) return true;
    if (n % bp === 0n) return false;
  }
  return millerRabin(n, rounds);
}

/** A random prime of exactly `bits` bits with its two top bits set (so p·q has 2·bits bits). */
export function randomPrime(bits: number): bigint {
  const top = 3n << BigInt(bits - 2);
  for (;;) {
    const start = randomBits(bits) | top | 1n;
    // Walk odd numbers from a random start, tracking residues mod the small primes as plain
    // numbers so that most composites cost no big-integer work at all.
    const primes = smallPrimes();
    const residues = primes.map((p) => Number(start % BigInt(p)));
    for (let step = 0; step < 4096; step += 2) {
      let composite = false;
      for (let i = 0; i < primes.length; i++) {
        if ((residues[i] + step) % primes[i] === 0) {
          composite = true;
          break;
        }
      }
      if (composite) continue;
      const p = start + BigInt(step);
      if (bitLength(p) !== bits) break;
      if (millerRabin(p, 8)) return p;
    }
  }
}
