/**
 * Case conversions as Sprig's dependencies implement them: Go's strings.Title/ToUpper/ToLower,
 * goutils (untitle, swapcase, initials) and xstrings 1.5 (snakecase, kebabcase, and camelcase,
 * which Sprig maps to xstrings.ToPascalCase).
 */
import { utf8Encode, isGoSpace, isLetter, isDigit, isLower, isNumber, isPunct, isTitle, isUpper, mapRunes, runesOf, toLowerRune, toTitleRune, toUpperRune } from '../go';

const str = (rs: number[]): string => rs.map((r) => String.fromCodePoint(r)).join('');

/** Go's strings.ToUpper (simple per-rune mapping). */
export const goToUpper = (s: string): string => mapRunes(s, toUpperRune);
/** Go's strings.ToLower (simple per-rune mapping). */
export const goToLower = (s: string): string => mapRunes(s, toLowerRune);

// strings.Title's word boundary test.
function isSeparator(r: number): boolean {
  if (r <= 0x7f) return !((r >= 0x30 && r <= 0x39) || (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || r === 0x5f);
  if (isLetter(r) || isDigit(r)) return false;
  return isGoSpace(r);
}

/** Go's strings.Title: title-cases the first letter of each word. */
export function goTitle(s: string): string {
  let prev = 0x20;
  return mapRunes(s, (r) => {
    const out = isSeparator(prev) ? toTitleRune(r) : r;
    prev = r;
    return out;
  });
}

/** goutils.Uncapitalize: lower-cases the first rune of each whitespace-separated word. */
export function untitle(s: string): string {
  let next = true;
  return mapRunes(s, (r) => {
    if (isGoSpace(r)) {
      next = true;
      return r;
    }
    if (next) {
      next = false;
      return toLowerRune(r);
    }
    return r;
  });
}

/** goutils.SwapCase: upper → lower, lower → title after whitespace and upper elsewhere. */
export function swapCase(s: string): string {
  let whitespace = true;
  return mapRunes(s, (r) => {
    if (isUpper(r) || isTitle(r)) {
      whitespace = false;
      return toLowerRune(r);
    }
    if (isLower(r)) {
      if (whitespace) {
        whitespace = false;
        return toTitleRune(r);
      }
      return toUpperRune(r);
    }
    whitespace = isGoSpace(r);
    return r;
  });
}

/**
 * goutils.Initials. It walks bytes, not runes, and writes each kept byte as a rune, so a
 * non-ASCII initial comes out as its first byte's Latin-1 character, as in Go.
 */
export function initials(s: string): string {
  let out = '';
  let lastWasGap = true;
  for (const b of utf8Encode(s)) {
    if (isGoSpace(b)) lastWasGap = true;
    else if (lastWasGap) {
      out += String.fromCodePoint(b);
      lastWasGap = false;
    }
  }
  return out;
}

/** goutils.DeleteWhiteSpace, byte-wise like initials (bytes 0x85 and 0xA0 count as spaces). */
export function deleteWhiteSpace(s: string): string {
  if (s === '') return s;
  const bytes = utf8Encode(s);
  let out = '';
  let count = 0;
  for (const b of bytes) {
    if (!isGoSpace(b)) {
      out += String.fromCodePoint(b);
      count++;
    }
  }
  return count === bytes.length ? s : out;
}

const isConnector = (r: number): boolean => r === 0x2d || r === 0x5f || isGoSpace(r);

/** xstrings.ToPascalCase (Sprig's camelcase). */
export function toPascalCase(s: string): string {
  const rs = runesOf(s);
  if (rs.length === 0) return '';
  const out: number[] = [];
  let i = 0;
  let r0 = 0;
  let firstUpper = false;
  // Leading connectors are kept.
  while (i < rs.length) {
    r0 = rs[i++];
    if (!isConnector(r0)) {
      firstUpper = isUpper(r0);
      r0 = toUpperRune(r0);
      break;
    }
    out.push(r0);
  }
  if (i === rs.length) {
    // xstrings writes the last rune again here, even when it was a connector already written.
    out.push(r0);
    return str(out);
  }
  while (i < rs.length) {
    const r1 = r0;
    r0 = rs[i++];
    if (isConnector(r0) && isConnector(r1)) {
      out.push(r1);
      continue;
    }
    if (isConnector(r1)) {
      firstUpper = isUpper(r0);
      r0 = toUpperRune(r0);
    } else {
      if (firstUpper) {
        if (isUpper(r0)) r0 = toLowerRune(r0);
        else firstUpper = false;
      }
      out.push(r1);
    }
  }
  out.push(r0);
  return str(out);
}

enum Word {
  Invalid,
  Number,
  UpperCase,
  Alphabet,
  Connector,
  Punct,
  Other,
}

// xstrings' isAlphabet: a letter that is not a CJK ideograph.
function isAlphabet(r: number): boolean {
  if (!isLetter(r)) return false;
  if (r < 0x3400) return true;
  if ((r >= 0x4e00 && r <= 0x9fcc) || (r >= 0x3400 && r <= 0x4d85) || (r >= 0x20000 && r <= 0x2b81d)) return false;
  return true;
}

// xstrings' nextWord over runes: the word starting at `start` and where it ends.
function nextWord(rs: number[], start: number): [Word, number] {
  const n = rs.length;
  if (start >= n) return [Word.Invalid, start];
  let end = start + 1;
  let r = rs[start];
  const extend = (keep: (r: number) => boolean): void => {
    while (end < n && keep(rs[end])) end++;
  };
  if (isConnector(r)) {
    extend(isConnector);
    return [Word.Connector, end];
  }
  if (isPunct(r)) {
    extend(isPunct);
    return [Word.Punct, end];
  }
  if (isUpper(r)) {
    if (end === n) return [Word.UpperCase, end];
    r = rs[end];
    if (isUpper(r)) {
      end++;
      extend(isUpper);
      // "HTTPStatus" splits as "HTTP" + "Status": the last capital starts the next word.
      if (end < n && isAlphabet(rs[end])) end--;
    } else if (isAlphabet(r)) {
      end++;
      extend((x) => isAlphabet(x) && !isUpper(x));
    }
    return [Word.UpperCase, end];
  }
  if (isAlphabet(r)) {
    extend((x) => isAlphabet(x) && !isUpper(x));
    return [Word.Alphabet, end];
  }
  if (isNumber(r)) {
    extend(isNumber);
    return [Word.Number, end];
  }
  extend((x) => !(isConnector(x) || isAlphabet(x) || isNumber(x) || isPunct(x)));
  return [Word.Other, end];
}

/** xstrings' camelCaseToLowerCase: snakecase with '_', kebabcase with '-'. */
export function camelCaseToLowerCase(s: string, connector: number): string {
  const rs = runesOf(s);
  if (rs.length === 0) return '';
  const out: number[] = [];
  const toLower = (wt: Word, from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const r = rs[i];
      if (wt !== Word.UpperCase && wt !== Word.Connector) out.push(r);
      else if (isConnector(r)) out.push(connector);
      else out.push(isUpper(r) ? toLowerRune(r) : r);
    }
  };
  // The current word; an object so that the closures below see its updates.
  const w = { wt: Word.Invalid, start: 0, end: 0 };
  [w.wt, w.end] = nextWord(rs, 0);
  const next = (): Word => {
    w.start = w.end;
    [w.wt, w.end] = nextWord(rs, w.start);
    return w.wt;
  };
  const lowerCurrent = (): void => toLower(w.wt, w.start, w.end);
  const isWordish = (): boolean => w.wt === Word.Alphabet || w.wt === Word.Number;
  while (w.end < rs.length) {
    if (w.wt !== Word.Connector) lowerCurrent();
    const prev = w.wt;
    const lastStart = w.start;
    const lastEnd = w.end;
    let wt = next();
    switch (prev) {
      case Word.Number:
        while (isWordish()) {
          lowerCurrent();
          next();
        }
        wt = w.wt;
        if (wt !== Word.Invalid && wt !== Word.Punct && wt !== Word.Connector) out.push(connector);
        break;
      case Word.Connector:
        toLower(prev, lastStart, lastEnd);
        break;
      case Word.Punct:
        break;
      default: {
        if (wt !== Word.Number) {
          if (wt !== Word.Connector && wt !== Word.Punct) out.push(connector);
          break;
        }
        if (w.end >= rs.length) break;
        const numStart = w.start;
        const numEnd = w.end;
        wt = next();
        // A number between words belongs to the previous word ("Bld4Floor" → "bld4_floor")
        // unless lower-case letters follow it ("HTTP2xx" → "http_2xx").
        if (wt !== Word.Alphabet) {
          toLower(Word.Number, numStart, numEnd);
          if (wt !== Word.Connector && wt !== Word.Punct) out.push(connector);
          break;
        }
        out.push(connector);
        toLower(Word.Number, numStart, numEnd);
        while (isWordish()) {
          lowerCurrent();
          next();
        }
        wt = w.wt;
        if (wt !== Word.Invalid && wt !== Word.Connector && wt !== Word.Punct) out.push(connector);
      }
    }
  }
  lowerCurrent();
  return str(out);
}

/** Sprig's snakecase. */
export const toSnakeCase = (s: string): string => camelCaseToLowerCase(s, 0x5f);
/** Sprig's kebabcase. */
export const toKebabCase = (s: string): string => camelCaseToLowerCase(s, 0x2d);

