/**
 * Private keys as Sprig handles them: generation (RSA, DSA, ECDSA P-256, Ed25519), Go's PEM
 * encodings (PKCS#1, Sprig's DSA layout, SEC 1, PKCS#8) and `parsePrivateKeyPEM`, public key
 * info and signing for certificates.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { randomBytes, GoError } from '../go';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { bigToBytes, bitString, bytesToBig, children, ctx, int, nullDer, octets, oid, oidString, pemDecode, pemEncode, readDer, seq, bitLength, gcd, modInverse, modPow, randomBelow, randomBits, randomPrime, isProbablePrime } from '../deps';

export type PrivateKey =
  | { kind: 'rsa'; n: bigint; e: bigint; d: bigint; p: bigint; q: bigint }
  | { kind: 'ecdsa'; d: Uint8Array; pub: Uint8Array }
  | { kind: 'ed25519'; seed: Uint8Array; pub: Uint8Array }
  | { kind: 'dsa'; p: bigint; q: bigint; g: bigint; y: bigint; x: bigint };

const OID_RSA = '1.2.840.113549.1.1.1';
const OID_EC = '1.2.840.10045.2.1';
const OID_P256 = '1.2.840.10045.3.1.7';
const OID_ED25519 = '1.3.101.112';
const OID_SHA256_RSA = '1.2.840.113549.1.1.11';
const OID_ECDSA_SHA256 = '1.2.840.10045.4.3.2';

/** An RSA key of `bits` bits with e = 65537. */
export function generateRSA(bits: number): PrivateKey {
  const e = 65537n;
  for (;;) {
    const p = randomPrime(bits - (bits >> 1));
    const q = randomPrime(bits >> 1);
    if (p === q) continue;
    const n = p * q;
    const phi = (p - 1n) * (q - 1n);
    if (bitLength(n) !== bits || gcd(e, phi) !== 1n) continue;
    return { kind: 'rsa', n, e, d: modInverse(e, phi), p, q };
  }
}

/** DSA parameters and key as Go's `dsa.GenerateParameters(L2048N256)` + `dsa.GenerateKey` make them. */
export function generateDSA(L = 2048, N = 256): PrivateKey {
  for (;;) {
    const q = randomBits(N) | (1n << BigInt(N - 1)) | 1n;
    if (!isProbablePrime(q, 20)) continue;
    for (let i = 0; i < 4 * L; i++) {
      let p = randomBits(L) | (1n << BigInt(L - 1)) | 1n;
      p -= (p % q) - 1n;
      if (bitLength(p) < L || !isProbablePrime(p, 20)) continue;
      const e = (p - 1n) / q;
      let g = 1n;
      for (let h = 2n; g === 1n; h++) g = modPow(h, e, p);
      const x = randomBelow(q);
      return { kind: 'dsa', p, q, g, y: modPow(g, x, p), x };
    }
  }
}

export function generateECDSA(): PrivateKey {
  const d = p256.utils.randomSecretKey(randomBytes(p256.lengths.seed!));
  return { kind: 'ecdsa', d, pub: p256.getPublicKey(d, false) };
}

export function generateEd25519(): PrivateKey {
  const seed = ed25519.utils.randomSecretKey(randomBytes(ed25519.lengths.seed!));
  return { kind: 'ed25519', seed, pub: ed25519.getPublicKey(seed) };
}

function rsaPKCS1(k: Extract<PrivateKey, { kind: 'rsa' }>): Uint8Array {
  return seq(int(0), int(k.n), int(k.e), int(k.d), int(k.p), int(k.q), int(k.d % (k.p - 1n)), int(k.d % (k.q - 1n)), int(modInverse(k.q, k.p)));
}

/** Go's `pemBlockForKey` + `pem.EncodeToMemory`. */
export function privateKeyPEM(key: PrivateKey): string {
  switch (key.kind) {
    case 'rsa':
      return pemEncode('RSA PRIVATE KEY', rsaPKCS1(key));
    case 'dsa':
      return pemEncode('DSA PRIVATE KEY', seq(int(0), int(key.p), int(key.q), int(key.g), int(key.y), int(key.x)));
    case 'ecdsa':
      return pemEncode('EC PRIVATE KEY', seq(int(1), octets(key.d), ctx(0, oid(OID_P256)), ctx(1, bitString(key.pub))));
    case 'ed25519':
      return pemEncode('PRIVATE KEY', seq(int(0), seq(oid(OID_ED25519)), octets(octets(key.seed))));
  }
}

const ints = (content: Uint8Array): bigint[] => children(content).map((c) => {
  if (c.tag !== 0x02) throw new Error('not an integer');
  return bytesToBig(c.content);
});

function parsePKCS1(der: Uint8Array): PrivateKey {
  const top = readDer(der);
  const [, n, e, d, p, q] = ints(top.content);
  if (q === undefined) throw new Error('x509: failed to parse private key');
  return { kind: 'rsa', n, e, d, p, q };
}

function parseSEC1(der: Uint8Array): PrivateKey {
  const parts = children(readDer(der).content);
  const d = parts[1]?.content;
  if (!d) throw new Error('x509: failed to parse EC private key');
  const params = parts.find((c) => c.tag === 0xa0);
  if (params && oidString(readDer(params.content).content) !== OID_P256) throw new Error('x509: unknown elliptic curve');
  const scalar = bigToBytes(bytesToBig(d), 32);
  return { kind: 'ecdsa', d: scalar, pub: p256.getPublicKey(scalar, false) };
}

function parsePKCS8(der: Uint8Array): PrivateKey {
  const parts = children(readDer(der).content);
  const alg = children(parts[1].content);
  const algOid = oidString(alg[0].content);
  const inner = parts[2].content;
  if (algOid === OID_RSA) return parsePKCS1(inner);
  if (algOid === OID_EC) return parseSEC1(inner);
  if (algOid === OID_ED25519) {
    const seed = readDer(inner).content;
    if (seed.length !== 32) throw new Error('x509: invalid Ed25519 private key length');
    return { kind: 'ed25519', seed: Uint8Array.from(seed), pub: ed25519.getPublicKey(seed) };
  }
  throw new Error(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${algOid}`);
}

/** Sprig's `parsePrivateKeyPEM`, with its error texts. */
export function parsePrivateKeyPEM(pem: string): PrivateKey {
  const block = pemDecode(pem);
  if (!block) throw new GoError('no PEM data in input');
  const guard = (prefix: string, parse: () => PrivateKey): PrivateKey => {
    try {
      return parse();
    } catch (e) {
      const msg = e instanceof Error && e.message.startsWith('x509:') ? e.message : 'x509: malformed private key';
      throw new GoError(`${prefix}: ${msg}`);
    }
  };
  if (block.type === 'PRIVATE KEY') return guard('decoding PEM as PKCS#8', () => parsePKCS8(block.bytes));
  if (!block.type.endsWith(' PRIVATE KEY')) throw new GoError(`no private key data in PEM block of type ${block.type}`);
  switch (block.type.slice(0, -12)) {
    case 'RSA':
      return guard('parsing RSA private key from PEM', () => parsePKCS1(block.bytes));
    case 'EC':
      return guard('parsing EC private key from PEM', () => parseSEC1(block.bytes));
    case 'DSA':
      return guard('parsing DSA private key from PEM', () => {
        const [, p, q, g, y, x] = ints(readDer(block.bytes).content);
        if (x === undefined) throw new Error('asn1: structure error');
        return { kind: 'dsa', p, q, g, y, x };
      });
    default:
      throw new GoError(`invalid private key type ${block.type}`);
  }
}

/** The public key's SubjectPublicKeyInfo, and the raw key bits (what Go hashes into a SubjectKeyId). */
export function publicKeyInfo(key: PrivateKey): { spki: Uint8Array; bits: Uint8Array } {
  switch (key.kind) {
    case 'rsa': {
      const bits = seq(int(key.n), int(key.e));
      return { spki: seq(seq(oid(OID_RSA), nullDer()), bitString(bits)), bits };
    }
    case 'ecdsa':
      return { spki: seq(seq(oid(OID_EC), oid(OID_P256)), bitString(key.pub)), bits: key.pub };
    case 'ed25519':
      return { spki: seq(seq(oid(OID_ED25519)), bitString(key.pub)), bits: key.pub };
    case 'dsa':
      throw new GoError('x509: unsupported public key type: *dsa.PublicKey');
  }
}

const DIGEST_INFO_SHA256 = Uint8Array.from([0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]);

/** Signs a TBSCertificate as Go's x509 does for the key type; returns the AlgorithmIdentifier and signature. */
export function signForCertificate(key: PrivateKey, tbs: Uint8Array): { algorithm: Uint8Array; signature: Uint8Array } {
  switch (key.kind) {
    case 'rsa': {
      const k = Math.ceil(bitLength(key.n) / 8);
      const t = concatBytes(DIGEST_INFO_SHA256, sha256(tbs));
      const em = concatBytes(Uint8Array.of(0, 1), new Uint8Array(k - t.length - 3).fill(0xff), Uint8Array.of(0), t);
      const m = bytesToBig(em);
      const m1 = modPow(m, key.d % (key.p - 1n), key.p);
      const m2 = modPow(m, key.d % (key.q - 1n), key.q);
      const h = (modInverse(key.q, key.p) * (m1 - m2 + key.p)) % key.p;
      return { algorithm: seq(oid(OID_SHA256_RSA), nullDer()), signature: bigToBytes(m2 + h * key.q, k) };
    }
    case 'ecdsa':
      return { algorithm: seq(oid(OID_ECDSA_SHA256)), signature: p256.sign(tbs, key.d, { format: 'der' }) };
    case 'ed25519':
      return { algorithm: seq(oid(OID_ED25519)), signature: ed25519.sign(tbs, key.seed) };
    case 'dsa':
      throw new GoError('x509: certificate private key does not implement crypto.Signer');
  }
}
