/**
 * Ports of the libraries Sprig and Helm depend on: Masterminds/semver, shopspring/decimal, Go's net/netip, encoding/asn1, math/big primes.
 * Other layers import it from here.
 */
export { bitLength, gcd, modInverse, modPow, randomBelow, randomBits, randomPrime, isProbablePrime } from './bigprime';
export { decimalAdd, decimalDiv, decimalFromFloat, decimalMul, decimalSub, decimalToFloat, type Decimal } from './decimal';
export { bigToBytes, bitString, bytesToBig, children, ctx, int, nullDer, octets, oid, oidString, pemDecode, pemEncode, readDer, seq, bool, set, tlv } from './der';
export { parseIP } from './netip';
export { parseVersion, parseStrictVersion, parseConstraintCached, parseVersionCached, satisfies, versionValue, type SemverRelease, versionString, compareVersions, parseConstraint, type Version, type Constraint } from './semver';
