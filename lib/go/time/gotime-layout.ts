/** Go's time layout tokenizer (`nextStdChunk`), shared by formatting and parsing. */

export const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));
export const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));

export type Std =
  | 'LongMonth' | 'Month' | 'NumMonth' | 'ZeroMonth' | 'LongWeekDay' | 'WeekDay' | 'Day' | 'UnderDay' | 'ZeroDay'
  | 'UnderYearDay' | 'ZeroYearDay' | 'Hour' | 'Hour12' | 'ZeroHour12' | 'Minute' | 'ZeroMinute' | 'Second' | 'ZeroSecond'
  | 'LongYear' | 'Year' | 'PM' | 'pm' | 'TZ'
  | 'ISO8601TZ' | 'ISO8601SecondsTZ' | 'ISO8601ShortTZ' | 'ISO8601ColonTZ' | 'ISO8601ColonSecondsTZ'
  | 'NumTZ' | 'NumSecondsTz' | 'NumShortTZ' | 'NumColonTZ' | 'NumColonSecondsTZ' | 'Frac0' | 'Frac9';

export interface Chunk {
  prefix: string;
  std?: Std;
  /** Digits of a fractional-second element and its separator. */
  digits?: number;
  sep?: string;
  suffix: string;
}

const ZERO_X: Std[] = ['ZeroMonth', 'ZeroDay', 'ZeroHour12', 'ZeroMinute', 'ZeroSecond', 'Year'];
const TZ_FORMS: Array<[string, Std]> = [
  ['-070000', 'NumSecondsTz'], ['-07:00:00', 'NumColonSecondsTZ'], ['-0700', 'NumTZ'], ['-07:00', 'NumColonTZ'], ['-07', 'NumShortTZ'],
  ['Z070000', 'ISO8601SecondsTZ'], ['Z07:00:00', 'ISO8601ColonSecondsTZ'], ['Z0700', 'ISO8601TZ'], ['Z07:00', 'ISO8601ColonTZ'], ['Z07', 'ISO8601ShortTZ'],
];

export const isDigitAt = (s: string, i: number): boolean => i < s.length && s[i] >= '0' && s[i] <= '9';
const startsLower = (s: string): boolean => s.length > 0 && s[0] >= 'a' && s[0] <= 'z';

/** The text before the next layout element, the element, and the rest. */
export function nextStdChunk(layout: string): Chunk {
  const at = (i: number, std: Std, len: number): Chunk => ({ prefix: layout.slice(0, i), std, suffix: layout.slice(i + len) });
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    const rest = layout.slice(i);
    switch (c) {
      case 'J':
        if (rest.startsWith('Jan')) {
          if (rest.startsWith('January')) return at(i, 'LongMonth', 7);
          if (!startsLower(rest.slice(3))) return at(i, 'Month', 3);
        }
        break;
      case 'M':
        if (rest.startsWith('Mon')) {
          if (rest.startsWith('Monday')) return at(i, 'LongWeekDay', 6);
          if (!startsLower(rest.slice(3))) return at(i, 'WeekDay', 3);
        }
        if (rest.startsWith('MST')) return at(i, 'TZ', 3);
        break;
      case '0':
        if (rest.length >= 2 && rest[1] >= '1' && rest[1] <= '6') return at(i, ZERO_X[rest.charCodeAt(1) - 49], 2);
        if (rest.startsWith('002')) return at(i, 'ZeroYearDay', 3);
        break;
      case '1':
        if (rest[1] === '5') return at(i, 'Hour', 2);
        return at(i, 'NumMonth', 1);
      case '2':
        if (rest.startsWith('2006')) return at(i, 'LongYear', 4);
        return at(i, 'Day', 1);
      case '_':
        if (rest[1] === '2') {
          if (rest.startsWith('_2006')) return { prefix: layout.slice(0, i + 1), std: 'LongYear', suffix: layout.slice(i + 5) };
          return at(i, 'UnderDay', 2);
        }
        if (rest.startsWith('__2')) return at(i, 'UnderYearDay', 3);
        break;
      case '3':
        return at(i, 'Hour12', 1);
      case '4':
        return at(i, 'Minute', 1);
      case '5':
        return at(i, 'Second', 1);
      case 'P':
        if (rest[1] === 'M') return at(i, 'PM', 2);
        break;
      case 'p':
        if (rest[1] === 'm') return at(i, 'pm', 2);
        break;
      case '-':
      case 'Z':
        for (const [form, std] of TZ_FORMS) if (rest.startsWith(form)) return at(i, std, form.length);
        break;
      case '.':
      case ',':
        if (rest[1] === '0' || rest[1] === '9') {
          let j = i + 1;
          while (j < layout.length && layout[j] === rest[1]) j++;
          if (!isDigitAt(layout, j)) {
            return { prefix: layout.slice(0, i), std: rest[1] === '0' ? 'Frac0' : 'Frac9', digits: j - (i + 1), sep: c, suffix: layout.slice(j) };
          }
        }
        break;
    }
  }
  return { prefix: layout, suffix: '' };
}

