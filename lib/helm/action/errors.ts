import { CodedError, whereOf, type ErrorCode, type ErrorWhere } from '../../errors';

/**
 * An error as `helm template` reports it. `message` is the text after `Error: `; `afterRender`
 * says whether helm adds its "Use --debug flag" hint (it does once the release object exists,
 * i.e. for failures while rendering and sorting manifests). `manifest` is what that release holds
 * then: every rendered file when a manifest did not parse, nothing when rendering itself failed.
 */
export class HelmError extends CodedError {
  readonly afterRender: boolean;
  readonly manifest: string;

  constructor(code: ErrorCode, message: string, opts: { afterRender?: boolean; manifest?: string; where?: ErrorWhere; cause?: unknown } = {}) {
    const cause = opts.cause instanceof CodedError ? opts.cause : undefined;
    super(code, message, whereOf(opts.cause, opts.where), { schemaProblems: cause?.schemaProblems, detail: cause?.detail, cause: opts.cause });
    this.name = 'HelmError';
    this.afterRender = opts.afterRender ?? false;
    this.manifest = opts.manifest ?? '';
  }

  /**
   * A lower layer's error as the action reports it: the same message, code and place (a cause
   * without a code is `fallback`'s).
   */
  static from(cause: unknown, fallback: ErrorCode, opts: { afterRender?: boolean; manifest?: string } = {}): HelmError {
    const code = cause instanceof CodedError ? cause.code : fallback;
    return new HelmError(code, cause instanceof Error ? cause.message : String(cause), { ...opts, cause });
  }

  /** What helm prints on stderr (with `--debug` it prints the manifest instead of the hint). */
  cliMessageFor(debug: boolean): string {
    return `Error: ${this.message}${this.afterRender && !debug ? '\n\nUse --debug flag to render out invalid YAML' : ''}`;
  }

  /** What helm prints on stderr without `--debug`. */
  get cliMessage(): string {
    return this.cliMessageFor(false);
  }
}
