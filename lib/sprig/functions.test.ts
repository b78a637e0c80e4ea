import { describe, expect, it } from 'vitest';
import { functionsWith, MUTATING, NON_DETERMINISTIC, sprigFuncMap } from './functions';

// Every name in Sprig 3.3's genericMap (functions.go) that Helm 3.17 keeps.
const SPRIG_NAMES = `hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate
htmlDateInZone must_date_modify mustDateModify mustToDate now toDate unixEpoch abbrev abbrevboth trunc trim upper
lower title untitle substr repeat trimall trimAll trimSuffix trimPrefix nospace initials randAlphaNum randAlpha
randAscii randNumeric swapcase shuffle snakecase camelcase kebabcase wrap wrapWith contains hasPrefix hasSuffix
quote squote cat indent nindent replace plural sha1sum sha256sum sha512sum adler32sum toString atoi int64 int
float64 seq toDecimal split splitList splitn toStrings until untilStep add1 add sub div mod mul randInt add1f addf
subf divf mulf biggest max min maxf minf ceil floor round join sortAlpha default empty coalesce all any compact
mustCompact fromJson toJson toPrettyJson toRawJson mustFromJson mustToJson mustToPrettyJson mustToRawJson ternary
deepCopy mustDeepCopy typeOf typeIs typeIsLike kindOf kindIs deepEqual getHostByName base dir clean ext isAbs
osBase osClean osDir osExt osIsAbs b64enc b64dec b32enc b32dec tuple list dict get set unset hasKey pluck keys pick
omit merge mergeOverwrite mustMerge mustMergeOverwrite values append push mustAppend mustPush prepend mustPrepend
first mustFirst rest mustRest last mustLast initial mustInitial reverse mustReverse uniq mustUniq without
mustWithout has mustHas slice mustSlice concat dig chunk mustChunk bcrypt htpasswd genPrivateKey derivePassword
buildCustomCert genCA genCAWithKey genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey
encryptAES decryptAES randBytes uuidv4 semver semverCompare fail regexMatch mustRegexMatch regexFindAll
mustRegexFindAll regexFind mustRegexFind regexReplaceAll mustRegexReplaceAll regexReplaceAllLiteral
mustRegexReplaceAllLiteral regexSplit mustRegexSplit regexQuoteMeta urlParse urlJoin`
  .split(/\s+/)
  .filter(Boolean);

describe('sprigFuncMap', () => {
  const map = sprigFuncMap();

  it('has exactly the functions Helm 3.17.3 gets from Sprig 3.3', () => {
    expect(Object.keys(map).sort()).toEqual([...SPRIG_NAMES].sort());
  });

  it('leaves out env and expandenv, as Helm does', () => {
    expect(map.env).toBeUndefined();
    expect(map.expandenv).toBeUndefined();
  });

  it('names each function after its key (error messages use the name)', () => {
    const aliases: Record<string, string> = { trimall: 'trimAll', tuple: 'list', append: 'push', mustAppend: 'mustPush', biggest: 'max' };
    for (const [key, fn] of Object.entries(map)) expect([key, aliases[key]]).toContain(fn.name);
  });

  it('marks only existing functions as non-deterministic', () => {
    for (const name of NON_DETERMINISTIC) expect(map[name], name).toBeDefined();
  });

  it('derives each list from the effects the functions declare', () => {
    expect([...functionsWith('random')].sort()).toEqual(
      ['bcrypt', 'encryptAES', 'genCA', 'genCAWithKey', 'genPrivateKey', 'genSelfSignedCert', 'genSelfSignedCertWithKey', 'genSignedCert',
        'genSignedCertWithKey', 'htpasswd', 'randAlpha', 'randAlphaNum', 'randAscii', 'randBytes', 'randInt', 'randNumeric', 'shuffle', 'uuidv4'].sort(),
    );
    expect([...functionsWith('clock')].sort()).toEqual(['ago', 'now']);
    expect([...functionsWith('clock-sometimes')].sort()).toEqual(['date', 'dateInZone', 'date_in_zone', 'durationRound', 'htmlDate', 'htmlDateInZone']);
    expect([...MUTATING].sort()).toEqual(['merge', 'mergeOverwrite', 'mustMerge', 'mustMergeOverwrite', 'set', 'sortAlpha', 'unset']);
    expect(NON_DETERMINISTIC).toEqual(functionsWith('random', 'clock', 'clock-sometimes'));
  });

  it('settles the functions the lists disagreed on', () => {
    // durationRound of a time is time.Since (date.test.ts); dateModify adds a duration to the time
    // it is given; buildCustomCert decodes the PEMs it is given; Helm answers getHostByName with "".
    // The deterministic ones are compared with helm byte for byte (extra.diff.test.ts, crypto.test.ts).
    expect(NON_DETERMINISTIC.has('durationRound')).toBe(true);
    for (const name of ['dateModify', 'date_modify', 'mustDateModify', 'must_date_modify', 'buildCustomCert', 'getHostByName']) {
      expect(NON_DETERMINISTIC.has(name), name).toBe(false);
      expect(map[name].effect, name).toBeUndefined();
    }
  });

  it('returns a fresh map each call', () => {
    expect(sprigFuncMap()).not.toBe(map);
  });
});
