/**
 * Sprig's crypto family (sprig v3.3 crypto.go): digests, bcrypt/htpasswd, the Master Password
 * `derivePassword`, Sprig's AES scheme, and (from certs.ts) keys and certificates.
 * Everything is synchronous and uses no Node APIs, so templates render the same in a browser.
 */
import { cbc } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import bcryptjs from 'bcryptjs';
import { defineFunc, type FuncMap, GoError, GoInt, randomBytes } from '../go';
import { certFuncs } from './certs';
import { bytesToString, CorruptInputError, decodeBase64Std, stringToBytes } from './encoding';

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** Adler-32 of the UTF-8 bytes, as an unsigned decimal string (Sprig's `adler32sum`). */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; ) {
    const end = Math.min(data.length, i + 5552);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return (b * 65536 + a) >>> 0;
}

/** Go's `bcrypt.GenerateFromPassword(pw, DefaultCost)` as Sprig's `bcrypt` returns it. */
export function bcryptHash(password: string): string {
  const bytes = stringToBytes(password);
  if (bytes.length > 72) return 'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes';
  // bcryptjs labels its (identical) output 2b; Go's x/crypto labels it 2a.
  // The salt comes from the shared random source, so pinned previews pin it too.
  const salt = `$2b$10$${bcryptjs.encodeBase64(Array.from(randomBytes(16)), 16)}`;
  return bcryptjs.hashSync(password, salt).replace(/^\$2b\$/, '$2a$');
}

const MASTER_PASSWORD_SEED = 'com.lyndir.masterpassword';
const PASSWORD_TEMPLATES: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv', 'CvcvCvcvnoCvcv', 'CvcvCvcvCvcvno', 'CvccnoCvcvCvcv', 'CvccCvcvnoCvcv', 'CvccCvcvCvcvno', 'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv', 'CvcvCvccCvcvno', 'CvcvnoCvcvCvcc', 'CvcvCvcvnoCvcc', 'CvcvCvcvCvccno', 'CvccnoCvccCvcv', 'CvccCvccnoCvcv',
    'CvccCvccCvcvno', 'CvcvnoCvccCvcc', 'CvcvCvccnoCvcc', 'CvcvCvccCvccno', 'CvccnoCvcvCvcc', 'CvccCvcvnoCvcc', 'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};
const TEMPLATE_CHARACTERS: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

const u32be = (n: number): Uint8Array => Uint8Array.of((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);

/** The Master Password algorithm (scrypt N=32768 r=8 p=2, HMAC-SHA256 seed) as Sprig implements it. */
export function derivePassword(counter: number, passwordType: string, password: string, user: string, site: string): string {
  const templates = Object.hasOwn(PASSWORD_TEMPLATES, passwordType) ? PASSWORD_TEMPLATES[passwordType] : undefined;
  if (!templates) return `cannot find password template ${passwordType}`;
  const seed = stringToBytes(MASTER_PASSWORD_SEED);
  const userBytes = stringToBytes(user);
  const siteBytes = stringToBytes(site);
  const key = scrypt(stringToBytes(password), concatBytes(seed, u32be(userBytes.length), userBytes), { N: 32768, r: 8, p: 2, dkLen: 64 });
  const mac = hmac(sha256, key, concatBytes(seed, u32be(siteBytes.length), siteBytes, u32be(counter)));
  const template = templates[mac[0] % templates.length];
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const chars = TEMPLATE_CHARACTERS[template[i]];
    out += chars[mac[i + 1] % chars.length];
  }
  return out;
}

function aesKey(password: string): Uint8Array {
  const key = new Uint8Array(32);
  key.set(stringToBytes(password).subarray(0, 32));
  return key;
}

/** Sprig's `encryptAES`: AES-256-CBC, key = password zero-padded/truncated to 32 bytes, random IV prefix, PKCS#7, base64. */
export function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const iv = randomBytes(16);
  const sealed = cbc(aesKey(password), iv).encrypt(stringToBytes(plaintext));
  return base64.encode(concatBytes(iv, sealed));
}

/** Sprig's `decryptAES`, including the Go runtime panics its unchecked slicing produces. */
export function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  let crypt: Uint8Array;
  try {
    crypt = decodeBase64Std(crypt64);
  } catch (e) {
    if (e instanceof CorruptInputError) throw new GoError(e.message);
    throw e;
  }
  if (crypt.length < 16) throw new GoError(`runtime error: slice bounds out of range [:16] with capacity ${crypt.length}`);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new GoError('crypto/cipher: input not full blocks');
  const plain = cbc(aesKey(password), crypt.subarray(0, 16), { disablePadding: true }).decrypt(body);
  if (plain.length === 0) throw new GoError('runtime error: index out of range [-1]');
  const end = plain.length - plain[plain.length - 1];
  if (end < 0) throw new GoError(`runtime error: slice bounds out of range [:${end}]`);
  return bytesToString(plain.subarray(0, end));
}

type HashName = 'sha1' | 'sha256' | 'sha512';
const HASHES: Record<HashName, (b: Uint8Array) => Uint8Array> = { sha1, sha256, sha512 };
let hexDigest = (name: HashName, bytes: Uint8Array): string => hex(HASHES[name](bytes));

/**
 * sha1sum, sha256sum and sha512sum from a host's own hashing (the standalone executable hands in
 * node:crypto, native in Bun): JavaScript SHA-2 runs in JavaScriptCore's interpreter there, and a
 * chart that checksums its Secrets spent about a tenth of its template run hashing. Same digests.
 */
export function useNativeDigests(native: (name: HashName, bytes: Uint8Array) => string): void {
  hexDigest = native;
}

const digest = (name: HashName) => (s: string) => hexDigest(name, stringToBytes(s));

/** Sprig's crypto functions, keyed by template name. */
export const cryptoFuncs: FuncMap = {
  sha1sum: defineFunc('sha1sum', ['string'], digest('sha1')),
  sha256sum: defineFunc('sha256sum', ['string'], digest('sha256')),
  sha512sum: defineFunc('sha512sum', ['string'], digest('sha512')),
  adler32sum: defineFunc('adler32sum', ['string'], (s: string) => String(adler32(stringToBytes(s)))),
  bcrypt: defineFunc('bcrypt', ['string'], bcryptHash, { effect: 'random' }),
  htpasswd: defineFunc('htpasswd', ['string', 'string'], (user: string, pw: string) =>
    user.includes(':') ? `invalid username: ${user}` : `${user}:${bcryptHash(pw)}`,
    { effect: 'random' },
  ),
  derivePassword: defineFunc('derivePassword', ['uint32', 'string', 'string', 'string', 'string'], (counter: GoInt, type: string, pw: string, user: string, site: string) =>
    derivePassword(Number(counter instanceof GoInt ? counter.v : counter), type, pw, user, site),
  ),
  encryptAES: defineFunc('encryptAES', ['string', 'string'], encryptAES, { returnsError: true, effect: 'random' }),
  decryptAES: defineFunc('decryptAES', ['string', 'string'], decryptAES, { returnsError: true }),
  ...certFuncs,
};
