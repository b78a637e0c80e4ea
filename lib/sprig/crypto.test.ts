/**
 * Properties of the nondeterministic crypto functions (keys, certificates, bcrypt, AES),
 * checked with Node's own X.509/key parsers and with helm itself for interoperability.
 */
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import bcryptjs from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { referenceExecute } from '../../tests/helm/reference';
import { GoError, GoInt, GoStruct, type GoValue } from '../go/value';
import { cryptoFuncs, decryptAES, encryptAES } from './crypto';

const call = (name: string, ...args: GoValue[]): GoValue => cryptoFuncs[name].call(...args);
const int = (n: number) => new GoInt(n, 'int');
const b64 = (s: string) => Buffer.from(s).toString('base64');
const field = (v: GoValue, name: string): string => (v as GoStruct).field(name) as string;

async function helm(template: string): Promise<string> {
  const [r] = await referenceExecute([{ template }]);
  if (!r.ok) throw new Error(r.error);
  return r.output;
}

describe('AES', () => {
  it('decrypts what helm encrypted', async () => {
    const cipher = await helm('{{ encryptAES "s3cret-passphrase" "hello, wörld ✓" }}');
    expect(decryptAES('s3cret-passphrase', cipher)).toBe('hello, wörld ✓');
  });

  it('helm decrypts what we encrypted (long key truncated to 32 bytes)', async () => {
    const key = 'k'.repeat(40);
    const cipher = encryptAES(key, 'exactly sixteen!');
    expect(Buffer.from(cipher, 'base64').length).toBe(16 + 32);
    expect(await helm(`{{ decryptAES "${key}" "${cipher}" }}`)).toBe('exactly sixteen!');
  });

  it.each(['', 'a', 'x'.repeat(15), 'x'.repeat(16), 'multi\nline'])('round-trips %j', (plain) => {
    expect(decryptAES('pw', encryptAES('pw', plain))).toBe(plain);
  });
});

describe('bcrypt and htpasswd', () => {
  it('bcrypt yields a Go-style $2a$10$ hash that verifies', () => {
    const h = call('bcrypt', 'p@ss wörd') as string;
    expect(h).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcryptjs.compareSync('p@ss wörd', h)).toBe(true);
  });

  it('htpasswd is user:bcrypt', () => {
    const line = call('htpasswd', 'alice', 'secret') as string;
    const [user, hash] = [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)];
    expect(user).toBe('alice');
    expect(bcryptjs.compareSync('secret', hash)).toBe(true);
  });
});

describe('genPrivateKey', () => {
  it.each([
    ['ecdsa', 'EC PRIVATE KEY', 'ec'],
    ['ed25519', 'PRIVATE KEY', 'ed25519'],
    ['rsa', 'RSA PRIVATE KEY', 'rsa'],
    ['', 'RSA PRIVATE KEY', 'rsa'],
    ['dsa', 'DSA PRIVATE KEY', 'dsa'],
  ])('%j gives a %s that parses as %s', (type, block, keyType) => {
    const pem = call('genPrivateKey', type) as string;
    expect(pem.startsWith(`-----BEGIN ${block}-----\n`)).toBe(true);
    expect(pem.endsWith(`-----END ${block}-----\n`)).toBe(true);
    expect(pem.split('\n').every((l) => l.length <= 64)).toBe(true);
    const key = createPrivateKey(pem);
    expect(key.asymmetricKeyType).toBe(keyType);
    if (keyType === 'rsa') expect(key.asymmetricKeyDetails?.modulusLength).toBe(4096);
    if (keyType === 'ec') expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    if (keyType === 'dsa') expect(key.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, divisorLength: 256 });
  });

  it('answers an unknown type with a message, as Sprig does', () => {
    expect(call('genPrivateKey', 'foo')).toBe('Unknown type foo');
  });
});

function x509(v: GoValue): X509Certificate {
  const cert = field(v, 'Cert');
  expect(cert).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/);
  return new X509Certificate(cert);
}

const daysBetween = (c: X509Certificate) => Math.round((Date.parse(c.validTo) - Date.parse(c.validFrom)) / 86400000);

describe('certificates', () => {
  const ca = call('genCA', 'my-ca', int(365));

  it('genCA is a self-signed CA with an RSA key', () => {
    const c = x509(ca);
    expect(c.subject).toBe('CN=my-ca');
    expect(c.issuer).toBe('CN=my-ca');
    expect(c.ca).toBe(true);
    expect(daysBetween(c)).toBe(365);
    expect(c.verify(c.publicKey)).toBe(true);
    expect(c.checkPrivateKey(createPrivateKey(field(ca, 'Key')))).toBe(true);
    expect(field(ca, 'Key').startsWith('-----BEGIN RSA PRIVATE KEY-----')).toBe(true);
    expect(c.serialNumber.length).toBeGreaterThan(0);
  });

  it('genSignedCert is signed by the CA and carries the SANs', () => {
    const leaf = call('genSignedCert', 'svc.local', ['10.0.0.1', '::1', '::ffff:192.168.1.2'], ['svc.local', 'svc'], int(30), ca);
    const c = x509(leaf);
    expect(c.subject).toBe('CN=svc.local');
    expect(c.issuer).toBe('CN=my-ca');
    expect(c.ca).toBe(false);
    expect(c.verify(x509(ca).publicKey)).toBe(true);
    expect(c.subjectAltName).toBe('DNS:svc.local, DNS:svc, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:192.168.1.2');
    expect(c.checkHost('svc')).toBe('svc');
    expect(c.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(daysBetween(c)).toBe(30);
  });

  it.each(['ecdsa', 'ed25519'])('genSelfSignedCertWithKey signs with a %s key', (type) => {
    const pem = call('genPrivateKey', type) as string;
    const cert = call('genSelfSignedCertWithKey', 'self', null, ['a.example'], int(1), pem);
    const c = x509(cert);
    expect(c.verify(createPublicKey(pem))).toBe(true);
    expect(field(cert, 'Key')).toBe(pem);
  });

  it('genCAWithKey and genSignedCertWithKey keep the given keys', () => {
    const caKey = call('genPrivateKey', 'ecdsa') as string;
    const ecCA = call('genCAWithKey', 'ec-ca', int(10), caKey);
    const leafKey = call('genPrivateKey', 'ed25519') as string;
    const leaf = call('genSignedCertWithKey', 'leaf', null, null, int(5), ecCA, leafKey);
    expect(x509(leaf).verify(createPublicKey(caKey))).toBe(true);
    expect(field(leaf, 'Key')).toBe(leafKey);
  });

  it('genSelfSignedCert issues a leaf for its own key', () => {
    const cert = call('genSelfSignedCert', 'me', ['127.0.0.1'], null, int(2));
    const c = x509(cert);
    expect(c.verify(c.publicKey)).toBe(true);
    expect(c.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });

  it.each([
    [['1.2.3'], null, 'error parsing ip: 1.2.3'],
    [[int(5)], null, 'error parsing ip: 5 is not a string'],
    [null, [true], 'error processing alternate dns name: true is not a string'],
  ])('rejects bad SANs (%#)', (ips, dns, message) => {
    expect(() => call('genSelfSignedCert', 'x', ips as GoValue, dns as GoValue, int(1))).toThrow(new GoError(message));
  });

  it('buildCustomCert validates and wraps base64 PEMs', () => {
    const built = call('buildCustomCert', b64(field(ca, 'Cert')), b64(field(ca, 'Key')));
    expect(field(built, 'Cert')).toBe(field(ca, 'Cert'));
    expect(() => call('buildCustomCert', '!!', '')).toThrow('unable to decode base64 certificate');
    expect(() => call('buildCustomCert', b64('nope'), b64('x'))).toThrow('unable to decode certificate');
    expect(() => call('buildCustomCert', b64(field(ca, 'Cert')), b64('x'))).toThrow('error parsing private key: no PEM data in input');
  });

  it('interoperates with helm both ways', async () => {
    const helmCA = await helm('{{ $ca := genCA "helm-ca" 3 }}{{ $ca.Cert }}@@{{ $ca.Key }}');
    const [cert, key] = helmCA.split('@@');
    const fromHelm = call('buildCustomCert', b64(cert), b64(key));
    const leaf = call('genSignedCert', 'leaf', null, null, int(1), fromHelm);
    expect(x509(leaf).verify(new X509Certificate(cert).publicKey)).toBe(true);

    const ours = call('genCA', 'ours', int(2));
    const signedByHelm = await helm(
      `{{ $ca := buildCustomCert "${b64(field(ours, 'Cert'))}" "${b64(field(ours, 'Key'))}" }}{{ (genSignedCert "h" nil nil 1 $ca).Cert }}`,
    );
    expect(new X509Certificate(signedByHelm).verify(x509(ours).publicKey)).toBe(true);
  });
});
