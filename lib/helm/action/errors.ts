/**
 * An error as `helm template` reports it. `message` is the text after `Error: `; `afterRender`
 * says whether helm adds its "Use --debug flag" hint (it does once the release object exists,
 * i.e. for failures while rendering and sorting manifests). `manifest` is what that release holds
 * then: every rendered file when a manifest did not parse, nothing when rendering itself failed.
 */
export class HelmError extends Error {
  constructor(
    message: string,
    readonly afterRender = false,
    readonly manifest = '',
  ) {
    super(message);
    this.name = 'HelmError';
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
