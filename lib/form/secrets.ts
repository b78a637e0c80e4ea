/** Secrets generated in the browser with the platform CSPRNG (`crypto.getRandomValues`). */
import type { SecretKind } from './schema';

const PASSWORD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PASSWORD_LENGTH = 32;

/** Fills a buffer from the CSPRNG; the injectable source exists for tests only. */
export type RandomSource = (bytes: Uint8Array) => Uint8Array;

const cryptoRandom: RandomSource = (bytes) => globalThis.crypto.getRandomValues(bytes);

function randomBytes(n: number, random: RandomSource): Uint8Array {
  return random(new Uint8Array(n));
}

/** Unbiased characters: bytes at or above the largest multiple of the alphabet size are redrawn. */
function password(random: RandomSource): string {
  const limit = 256 - (256 % PASSWORD_ALPHABET.length);
  let out = '';
  while (out.length < PASSWORD_LENGTH) {
    for (const b of randomBytes(PASSWORD_LENGTH * 2, random)) {
      if (b < limit) out += PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length];
      if (out.length === PASSWORD_LENGTH) break;
    }
  }
  return out;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A fresh secret: `password` is 32 letters and digits, `base64-32` and `hex-32` encode 32
 * random bytes (44 and 64 characters).
 */
export function generateSecret(kind: SecretKind, random: RandomSource = cryptoRandom): string {
  switch (kind) {
    case 'password':
      return password(random);
    case 'base64-32':
      return base64(randomBytes(32, random));
    case 'hex-32':
      return hex(randomBytes(32, random));
  }
}
