/**
 * Go's runtime as templates see it: the value model (`value.ts`), function values (`func.ts`), fmt, strconv, unicode/utf8, unicode, strings, time, net/netip, net/mail and crypto/rand.
 * Other layers import it from here.
 */
export { deepCopy } from './copy';
export { sprint, sprintf, sprintln, formatValue } from './fmt/fmt';
export { defineFunc, type FuncMap } from './func';
export { parseMailAddress } from './mail';
export { parseAddr, parseIP, type NetipAddr } from './netip';
export type { GoRelease } from './release';
export { randomBytes, randomBelow, setRandomSource, takePinnedSourceKey } from './rand';
export { slogLine } from './slog';
export { formatFloat, quote, NumError, parseFloat, parseInt, parseUint, unquoteChar, unquote, atoi, quoteBytes } from './strconv/index';
export { isPrint, quoteRune } from './strconv/quote';
export { tooLongMessage, goTrimSpace, MAX_STRING_LENGTH } from './strings';
export { durationString, parseDuration, roundDuration } from './time/duration';
export { formatGoTime, MonotonicGoTime, timeFromUnix, unixParts, goTimeString } from './time/gotime';
export { parseGoTime } from './time/gotime-parse';
export { loadLocation, fixedZone, localTimeZone, setLocalTimeZone, zoneAt } from './time/timezone';
export { isGoSpace, isLetter, isDigit, isLower, isNumber, isPunct, isTitle, isUpper, mapRunes, runesOf, toLowerRune, toTitleRune, toUpperRune } from './unicode/runes';
export { fitsInBytes, utf8Encode, byteLength, utf8Decode, isASCII, validRune } from './utf8/utf8';
export { type GoMap, type GoValue, GoInt, GoStruct, GoTime, isGoFunc, isGoNil, sortedKeys, typeName, GoError, type GoFunc, type GoTypeInfo, fromPlain, int64, type GoSlice, goNil, markNil, type GoTypeName, typeInfoOf, compareGoStrings, withType, type IntKind, methodOf, stringSlice, kindOf, goMap, type FuncEffect, toPlain } from './value';
