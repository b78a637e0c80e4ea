/**
 * An error as `helm template` reports it. `message` is the text after `Error: `; `afterRender`
 * says whether helm adds its "Use --debug flag" hint (it does once the release object exists,
 * i.e. for failures while rendering and sorting manifests).
 */
export class HelmError extends Error {
  constructor(
    message: string,
    readonly afterRender = false,
  ) {
    super(message);
    this.name = 'HelmError';
  }

  /** What helm prints on stderr. */
  get cliMessage(): string {
    return `Error: ${this.message}${this.afterRender ? '\n\nUse --debug flag to render out invalid YAML' : ''}`;
  }
}
