/**
 * Sprig's key and certificate functions: genPrivateKey, genCA(WithKey), genSelfSignedCert(WithKey),
 * genSignedCert(WithKey), buildCustomCert. Certificates are built the way Go's
 * `x509.CreateCertificate` lays them out for Sprig's template (v3, random 128-bit serial,
 * KeyUsage, ExtKeyUsage server+client, BasicConstraints, SubjectKeyId for CAs, AuthorityKeyId,
 * SANs). The result is Sprig's `certificate` struct with `.Cert` and `.Key` PEM strings.
 */
import { sha1 } from '@noble/hashes/legacy.js';
import { defineFunc, type FuncMap, GoError, GoInt, GoStruct, takePinnedSourceKey, type GoSlice, type GoValue } from '../go';
import { bitString, bool, children, ctx, int, oid, oidString, pemDecode, pemEncode, readDer, seq, set, tlv, randomBits, parseIP } from '../deps';
import { bytesToString, CorruptInputError, decodeBase64Std } from './encoding';
import { generateDSA, generateECDSA, generateEd25519, generateRSA, parsePrivateKeyPEM, privateKeyPEM, publicKeyInfo, signForCertificate, type PrivateKey } from './keys';
import { clockNow } from './date';

const CERT_TYPE = { name: 'sprig.certificate' };

/** Sprig's `certificate{Cert, Key}` value. */
export function certificateValue(cert: string, key: string): GoStruct {
  return new GoStruct(CERT_TYPE, [['Cert', cert], ['Key', key]], false);
}

/** Sprig's `genPrivateKey`: errors come back as the string value, as in Sprig. */
export function generatePrivateKey(type: string): string {
  switch (type) {
    case '':
    case 'rsa':
      return privateKeyPEM(generateRSA(4096));
    case 'dsa':
      return privateKeyPEM(generateDSA());
    case 'ecdsa':
      return privateKeyPEM(generateECDSA());
    case 'ed25519':
      return privateKeyPEM(generateEd25519());
    default:
      return 'Unknown type ' + type;
  }
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?*&]*$/;

/** pkix.Name{CommonName: cn} as DER (an empty name when cn is ""). */
function nameDer(cn: string): Uint8Array {
  if (cn === '') return seq();
  const value = PRINTABLE.test(cn) ? tlv(0x13, new TextEncoder().encode(cn)) : tlv(0x0c, new TextEncoder().encode(cn));
  return seq(set(seq(oid('2.5.4.3'), value)));
}

function timeDer(ms: number): Uint8Array {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const y = d.getUTCFullYear();
  const p2 = (n: number) => String(n).padStart(2, '0');
  const rest = p2(d.getUTCMonth() + 1) + p2(d.getUTCDate()) + p2(d.getUTCHours()) + p2(d.getUTCMinutes()) + p2(d.getUTCSeconds()) + 'Z';
  if (y >= 1950 && y < 2050) return tlv(0x17, new TextEncoder().encode(p2(y % 100) + rest));
  return tlv(0x18, new TextEncoder().encode(String(y).padStart(4, '0') + rest));
}

const ext = (id: string, critical: boolean, value: Uint8Array): Uint8Array => seq(oid(id), ...(critical ? [bool(true)] : []), tlv(0x04, value));

/** Go's KeyUsage bit string: bits reversed per byte, trailing zero bits trimmed. */
function keyUsageDer(bits: number): Uint8Array {
  const rev = (b: number) => parseInt(b.toString(2).padStart(8, '0').split('').reverse().join(''), 2);
  const bytes = [rev(bits & 0xff), rev((bits >> 8) & 0xff)];
  const used = Uint8Array.from(bytes[1] ? bytes : [bytes[0]]);
  const last = used[used.length - 1];
  let unused = 0;
  while (unused < 8 && !(last & (1 << unused))) unused++;
  return bitString(used, unused === 8 ? 0 : unused);
}

interface Template {
  cn: string;
  ips: Uint8Array[];
  dns: string[];
  days: number;
  isCA: boolean;
}

interface Parent {
  subject: Uint8Array;
  subjectKeyId?: Uint8Array;
  spki: Uint8Array;
}

function createCertificate(t: Template, subjectKey: PrivateKey, parent: Parent | undefined, signer: PrivateKey): string {
  const pub = publicKeyInfo(subjectKey);
  const signerPub = publicKeyInfo(signer).spki;
  if (parent && !sameBytes(parent.spki, signerPub)) throw new GoError("error creating certificate: x509: provided PrivateKey doesn't match parent's PublicKey");
  const subject = nameDer(t.cn);
  const issuer = parent ? parent.subject : subject;
  const now = clockNow();
  const exts: Uint8Array[] = [];
  // DigitalSignature | KeyEncipherment, plus CertSign for a CA.
  exts.push(ext('2.5.29.15', true, keyUsageDer(t.isCA ? 0b100101 : 0b101)));
  exts.push(ext('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))));
  exts.push(ext('2.5.29.19', true, t.isCA ? seq(bool(true)) : seq()));
  const subjectKeyId = t.isCA ? sha1(pub.bits) : undefined;
  if (subjectKeyId) exts.push(ext('2.5.29.14', false, tlv(0x04, subjectKeyId)));
  const selfIssued = sameBytes(issuer, subject);
  const authorityKeyId = !selfIssued && parent?.subjectKeyId?.length ? parent.subjectKeyId : undefined;
  if (authorityKeyId) exts.push(ext('2.5.29.35', false, seq(ctx(0, authorityKeyId, false))));
  if (t.dns.length || t.ips.length) {
    const names = [...t.dns.map((d) => ctx(2, new TextEncoder().encode(d), false)), ...t.ips.map((ip) => ctx(7, ip, false))];
    exts.push(ext('2.5.29.17', t.cn === '', seq(...names)));
  }
  const algorithm = signForCertificate(signer, new Uint8Array()).algorithm;
  const serial = randomBits(128);
  const tbs = seq(
    ctx(0, int(2)),
    int(serial),
    algorithm,
    issuer,
    seq(timeDer(now), timeDer(now + t.days * 86400000)),
    subject,
    pub.spki,
    ctx(3, seq(...exts)),
  );
  const { signature } = signForCertificate(signer, tbs);
  return pemEncode('CERTIFICATE', seq(tbs, algorithm, bitString(signature)));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Reads the parts of a DER certificate a signer needs; throws Go's `x509: malformed certificate`. */
function parseCertificate(der: Uint8Array): Parent {
  try {
    const top = readDer(der);
    const [tbs] = children(top.content);
    const fields = children(tbs.content);
    const at = fields[0].tag === 0xa0 ? 1 : 0;
    const subject = fields[at + 4].raw;
    const spki = fields[at + 5].raw;
    let subjectKeyId: Uint8Array | undefined;
    const extField = fields.find((f) => f.tag === 0xa3);
    if (extField) {
      for (const e of children(readDer(extField.content).content)) {
        const parts = children(e.content);
        if (oidString(parts[0].content) === '2.5.29.14') subjectKeyId = readDer(parts[parts.length - 1].content).content;
      }
    }
    return { subject: Uint8Array.from(subject), spki: Uint8Array.from(spki), subjectKeyId };
  } catch {
    throw new GoError('x509: malformed certificate');
  }
}

function printArg(v: GoValue): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoInt) return v.toString();
  return String(v);
}

function netIPs(ips: GoSlice | null): Uint8Array[] {
  return (ips ?? []).map((ip) => {
    if (typeof ip !== 'string') throw new GoError(`error parsing ip: ${printArg(ip)} is not a string`);
    const parsed = parseIP(ip);
    if (!parsed) throw new GoError(`error parsing ip: ${ip}`);
    return parsed;
  });
}

function dnsNames(names: GoSlice | null): string[] {
  return (names ?? []).map((n) => {
    if (typeof n !== 'string') throw new GoError(`error processing alternate dns name: ${printArg(n)} is not a string`);
    return n;
  });
}

const days = (n: GoInt | number): number => (n instanceof GoInt ? n.toNumber() : n);

function keyFromPEM(pem: string): PrivateKey {
  try {
    return parsePrivateKeyPEM(pem);
  } catch (e) {
    throw new GoError(`parsing private key: ${(e as Error).message}`);
  }
}

function issue(cn: string, ips: GoSlice | null, dns: GoSlice | null, d: number, key: PrivateKey, isCA: boolean, ca?: GoValue): GoStruct {
  const template = (): Template => ({ cn, ips: isCA ? [] : netIPs(ips), dns: isCA ? [] : dnsNames(dns), days: d, isCA });
  if (!ca) {
    const t = template();
    if (key.kind === 'dsa') throw new GoError('error creating certificate: x509: certificate private key does not implement crypto.Signer');
    return certificateValue(createCertificate(t, key, undefined, key), privateKeyPEM(key));
  }
  const caCert = ca instanceof GoStruct ? ca.field('Cert') : undefined;
  const caKey = ca instanceof GoStruct ? ca.field('Key') : undefined;
  const block = typeof caCert === 'string' ? pemDecode(caCert) : undefined;
  if (!block) throw new GoError('unable to decode certificate');
  let parent: Parent;
  try {
    parent = parseCertificate(block.bytes);
  } catch (e) {
    throw new GoError(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`);
  }
  let signer: PrivateKey;
  try {
    signer = parsePrivateKeyPEM(typeof caKey === 'string' ? caKey : '');
  } catch (e) {
    throw new GoError(`error parsing private key: ${(e as Error).message}`);
  }
  const t = template();
  if (key.kind === 'dsa') throw new GoError('error creating certificate: x509: unsupported public key type: *dsa.PublicKey');
  if (signer.kind === 'dsa') throw new GoError('error creating certificate: x509: certificate private key does not implement crypto.Signer');
  return certificateValue(createCertificate(t, key, parent, signer), privateKeyPEM(key));
}

/** Sprig's `buildCustomCert`: validates base64 PEM cert and key and wraps them. */
export function buildCustomCert(b64cert: string, b64key: string): GoStruct {
  const decode = (s: string, what: string): string => {
    try {
      return bytesToString(decodeBase64Std(s));
    } catch (e) {
      if (e instanceof CorruptInputError) throw new GoError(`unable to decode base64 ${what}`);
      throw e;
    }
  };
  const cert = decode(b64cert, 'certificate');
  const key = decode(b64key, 'private key');
  const block = pemDecode(cert);
  if (!block) throw new GoError('unable to decode certificate');
  try {
    parseCertificate(block.bytes);
  } catch (e) {
    throw new GoError(`error parsing certificate: decodedCert.Bytes: ${(e as Error).message}`);
  }
  try {
    parsePrivateKeyPEM(key);
  } catch (e) {
    throw new GoError(`error parsing private key: ${(e as Error).message}`);
  }
  return certificateValue(cert, key);
}

const opts = { returnsError: true };
const list = '[]interface {}';
// Every certificate gets a random serial number, whether or not its key is given.
const generated = { ...opts, effect: 'random' } as const;

/**
 * Results of key-generating calls made with a pinned random source (a preview's session), by the
 * source's key and the arguments: the result depends on nothing else, generating an RSA key takes
 * hundreds of milliseconds, and a preview makes the same call again at each keystroke that
 * re-executes the template.
 */
const pinnedResults = new Map<string, string | readonly [string, string]>();
const MAX_PINNED_RESULTS = 64;

/** The arguments as a key, or undefined for a kind this does not key (the call is then made). */
function argumentsKey(args: readonly GoValue[]): string | undefined {
  const parts: string[] = [];
  for (const a of args) {
    if (typeof a === 'string') parts.push(`s${JSON.stringify(a)}`);
    else if (a instanceof GoInt) parts.push(`i${a.v}`);
    else if (a === null || a === undefined) parts.push('n');
    else if (Array.isArray(a) && a.every((x) => typeof x === 'string')) parts.push(`l${JSON.stringify(a)}`);
    else if (a instanceof GoStruct && a.type === CERT_TYPE) parts.push(`c${JSON.stringify(a.fields)}`);
    else return undefined;
  }
  return parts.join(',');
}

/** `generate`, kept per pinned source and arguments. */
function keptWhenPinned<A extends GoValue[]>(name: string, generate: (...args: A) => string | GoStruct): (...args: A) => string | GoStruct {
  return (...args: A) => {
    const source = takePinnedSourceKey();
    const given = source === undefined ? undefined : argumentsKey(args);
    if (given === undefined) return generate(...args);
    const key = `${source}\0${name}\0${given}`;
    const kept = pinnedResults.get(key);
    if (kept !== undefined) return typeof kept === 'string' ? kept : certificateValue(kept[0], kept[1]);
    const out = generate(...args);
    if (pinnedResults.size >= MAX_PINNED_RESULTS) pinnedResults.clear();
    if (typeof out === 'string') pinnedResults.set(key, out);
    else pinnedResults.set(key, [out.fields[0][1] as string, out.fields[1][1] as string]);
    return out;
  };
}

/** Sprig's key and certificate functions, keyed by template name. */
export const certFuncs: FuncMap = {
  genPrivateKey: defineFunc('genPrivateKey', ['string'], keptWhenPinned('genPrivateKey', generatePrivateKey), { effect: 'random' }),
  buildCustomCert: defineFunc('buildCustomCert', ['string', 'string'], buildCustomCert, opts),
  genCA: defineFunc('genCA', ['string', 'int'], keptWhenPinned('genCA', (cn: string, d: GoInt) => issue(cn, null, null, days(d), generateRSA(2048), true)), generated),
  genCAWithKey: defineFunc('genCAWithKey', ['string', 'int', 'string'], (cn: string, d: GoInt, pem: string) => issue(cn, null, null, days(d), keyFromPEM(pem), true), generated),
  genSelfSignedCert: defineFunc(
    'genSelfSignedCert',
    ['string', list, list, 'int'],
    keptWhenPinned('genSelfSignedCert', (cn: string, ips: GoSlice | null, dns: GoSlice | null, d: GoInt) => issue(cn, ips, dns, days(d), generateRSA(2048), false)),
    generated,
  ),
  genSelfSignedCertWithKey: defineFunc(
    'genSelfSignedCertWithKey',
    ['string', list, list, 'int', 'string'],
    (cn: string, ips: GoSlice | null, dns: GoSlice | null, d: GoInt, pem: string) => issue(cn, ips, dns, days(d), keyFromPEM(pem), false),
    generated,
  ),
  genSignedCert: defineFunc(
    'genSignedCert',
    ['string', list, list, 'int', 'sprig.certificate'],
    keptWhenPinned('genSignedCert', (cn: string, ips: GoSlice | null, dns: GoSlice | null, d: GoInt, ca: GoValue) => issue(cn, ips, dns, days(d), generateRSA(2048), false, ca)),
    generated,
  ),
  genSignedCertWithKey: defineFunc(
    'genSignedCertWithKey',
    ['string', list, list, 'int', 'sprig.certificate', 'string'],
    (cn: string, ips: GoSlice | null, dns: GoSlice | null, d: GoInt, ca: GoValue, pem: string) => issue(cn, ips, dns, days(d), keyFromPEM(pem), false, ca),
    generated,
  ),
};

