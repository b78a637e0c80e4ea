/**
 * How the reference helm of this run shows what a template does, for suites that execute
 * templates directly (without the Helm engine): its Go release, its `.Values` type, and Helm 4's
 * layout of template errors.
 */
import { TemplateError } from '../../lib/gotemplate';
import type { GoRelease } from '../../lib/gotemplate/exec';
import { traceExecError } from '../../lib/helm/engine/exec-trace';
import { isHelm4, valuesPackage } from '../../lib/helm/version';
import { REFERENCE } from './reference';

export interface ReferenceStyle {
  go: GoRelease;
  valuesType: string;
  /** The error text helm prints for an error of the template run. */
  errorText: (e: Error) => string;
}

const h4 = isHelm4(REFERENCE.setting);

export const REFERENCE_STYLE: ReferenceStyle = {
  go: h4 ? '1.25' : '1.23',
  valuesType: `${valuesPackage(REFERENCE.setting)}.Values`,
  errorText: (e) => (h4 && e instanceof TemplateError && e.kind === 'exec' && traceExecError(e)) || e.message,
};
