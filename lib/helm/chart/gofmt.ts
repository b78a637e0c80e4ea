/**
 * The Go printing Helm's own messages need, over lib/go: Chart.yaml numbers become strings with
 * `strconv.FormatFloat(f, 'g', -1, 32)`, warnings print values with `%v`.
 */
import { sprint } from '../../go/fmt/fmt';
import { formatFloat } from '../../go/strconv';
import type { GoValue } from '../../go/value';

/** strconv.FormatFloat(v, 'g', -1, bits). */
export function formatFloatG(v: number, bits: 32 | 64 = 64): string {
  return formatFloat(v, 'g', -1, bits);
}

/** Go's `%v` of one value. */
export function formatV(v: GoValue): string {
  return sprint([v]);
}
