/** encoding/json's float formatting, over Go's strconv.FormatFloat. */
import { formatFloat } from '../go';

/** encoding/json's float64 text: 'f' within [1e-6, 1e21), else 'e' with a one-digit exponent kept short. */
export function formatJsonFloat(f: number): string {
  const a = Math.abs(f);
  if (a !== 0 && (a < 1e-6 || a >= 1e21)) {
    // Go cleans e-07 to e-7 (only negative two-digit exponents with a leading zero).
    return formatFloat(f, 'e', -1).replace(/e-0(\d)$/, 'e-$1');
  }
  return formatFloat(f, 'f', -1);
}
