/**
 * Go's strconv package for the template engine: float formatting, quoting and parsing with
 * Go's exact output and error texts.
 */
export { formatFloat, type FloatFormat } from './ftoa';
export { quote, quoteBytes, quoteToASCII, quoteRune, quoteRuneToASCII, canBackquote, isPrint, unquote, unquoteChar } from './quote';
export { NumError, parseInt, parseUint, atoi, parseBool, parseFloat } from './parse';

/** Go's strconv.FormatInt / FormatUint (lower-case digits, base 2..36). */
export function formatInt(i: bigint | number, base = 10): string {
  return BigInt(i).toString(base);
}

/** Go's strconv.FormatBool. */
export function formatBool(b: boolean): string {
  return b ? 'true' : 'false';
}
