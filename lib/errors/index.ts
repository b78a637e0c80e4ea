/**
 * The error every layer raises to the one above and the UI receives from the worker: a stable
 * `code` to branch on, Helm's message exactly as helm prints it (after `Error: `), and where it
 * points (chart, file, line, column, values path; schema problems one by one). Callers decide by
 * the code and the fields, never by reading the message.
 */

/** What failed. */
export type ErrorCode =
  /** A template does not parse (text/template's parser). */
  | 'template-parse'
  /** A template failed while executing: `fail`, `required`, a nil pointer, a function's error. */
  | 'template-exec'
  /** The render was stopped by its time or output budget: stopped, not broken. */
  | 'render-limit'
  /** A values file (`values.yaml` in the editor, `-f`) does not read, or a `--set` flag does not parse. */
  | 'values-yaml'
  /** The values break a chart's values.schema.json, or the schema itself is unusable. */
  | 'values-schema'
  /** A rendered manifest is not YAML Helm can sort (line and column count in the rendered file). */
  | 'manifest-yaml'
  /** The chart does not load: Chart.yaml, its values.yaml, an archive, a subchart. */
  | 'chart-load'
  /** The chart's dependencies are missing or their conditions, aliases or imports fail. */
  | 'chart-dependencies'
  /** The chart cannot be installed with these release settings: its type, the release name, the Kubernetes version. */
  | 'release'
  /** `--show-only` names a template the chart does not render. */
  | 'show-only'
  /** Anything else (a fault of chartroom's own, a worker that died). */
  | 'internal';

/** Where an error points; every field is optional because helm does not always say. */
export interface ErrorWhere {
  /** The chart the failing file belongs to (its name; a subchart's own name). */
  chart?: string;
  /**
   * The file: a template as Helm names it (`mychart/templates/a.yaml`, for template and
   * manifest errors), or a chart file or values file as the message names it (`Chart.yaml`, `values.yaml`).
   */
  file?: string;
  /** 1-based line. For a manifest, the line of the rendered file, not of its template. */
  line?: number;
  /**
   * Column as helm reports it: for a template, Go's byte offset in the line (`file:3:7`); for
   * YAML, the 1-based character column.
   */
  column?: number;
  /** Values path of the value at fault (`postgresql.external.port`, from the top chart). */
  valuesPath?: string;
}

/** A JSON Schema keyword that combines subschemas or chooses between them. */
export type CombiningKeyword = 'allOf' | 'anyOf' | 'oneOf' | 'not' | 'then' | 'else';

/** One violation of a values.schema.json. */
export interface SchemaProblem {
  /** The chart whose schema it breaks, as Helm names it in its message. */
  chart: string;
  /**
   * Helm's name for the place inside that chart's values (`image.tag`), `(root)` for the whole
   * document. Helm joins keys with dots, so a key holding a dot reads as two: use `valuesPath`.
   */
  path: string;
  /** The place as a values path from the top chart (`sub.image.tag`, `a\.b` for a key `a.b`), '' for the top's root. */
  valuesPath: string;
  message: string;
  /**
   * Set when the problem is a combining keyword's verdict on the whole value (`anyOf` failed): the
   * problems listed with it, if any, say which part is wrong.
   */
  keyword?: CombiningKeyword;
}

/** An error as plain data (structured-clonable: the worker posts it, `--format json` prints it). */
export interface ErrorReport {
  code: ErrorCode;
  /** Helm's text, verbatim (chartroom's own for failures helm cannot have). */
  message: string;
  where: ErrorWhere;
  /** For `values-schema`: every problem helm lists, in its order. */
  schemaProblems: SchemaProblem[];
  /** What went wrong without the place helm's text puts first (`fail`'s own words), when it does. */
  detail?: string;
}

/** An error that knows where it happened, coded or not (lib/yaml's errors carry their own YAML code). */
export interface Located {
  readonly where: ErrorWhere;
}

function isLocated(e: unknown): e is Error & Located {
  return e instanceof Error && typeof (e as Partial<Located>).where === 'object' && (e as Partial<Located>).where !== null;
}

/** An error with a code and a location: what each layer throws upward. */
export class CodedError extends Error implements Located {
  readonly schemaProblems: SchemaProblem[];
  readonly detail?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly where: ErrorWhere = {},
    options: { schemaProblems?: SchemaProblem[]; detail?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CodedError';
    this.schemaProblems = options.schemaProblems ?? [];
    if (options.detail !== undefined) this.detail = options.detail;
  }

  /** An error again from its plain form (received from another thread). */
  static fromReport(r: ErrorReport): CodedError {
    return new CodedError(r.code, r.message, r.where, { schemaProblems: r.schemaProblems, detail: r.detail });
  }

  /** The plain form, for messages between threads and JSON output. */
  report(): ErrorReport {
    const report: ErrorReport = { code: this.code, message: this.message, where: { ...this.where }, schemaProblems: this.schemaProblems.map((p) => ({ ...p })) };
    if (this.detail !== undefined) report.detail = this.detail;
    return report;
  }
}

/** What is known of any thrown value: a coded error's own fields, or `internal` and its text. */
export function errorReport(e: unknown): ErrorReport {
  if (e instanceof CodedError) return e.report();
  return { code: 'internal', message: e instanceof Error ? e.message : String(e), where: {}, schemaProblems: [] };
}

/**
 * Where `cause` happened, completed by what the layer above knows (`where`). The cause's line and
 * column are about its own file, so a cause that names a file keeps its whole location and the
 * layer only fills in what is missing; a cause without a file takes the layer's.
 */
export function whereOf(cause: unknown, where: ErrorWhere = {}): ErrorWhere {
  const inner = isLocated(cause) ? cause.where : {};
  const located = inner.file !== undefined ? { ...where, ...inner } : { ...inner, ...where };
  for (const k of Object.keys(located) as (keyof ErrorWhere)[]) if (located[k] === undefined) delete located[k];
  return located;
}

/**
 * `cause` raised again by a layer that words it its own way (`message`, Helm's text) and knows
 * more of where it happened (`where`, see {@link whereOf}). `code` replaces the cause's code;
 * without one the cause's stays. `detail` belongs to the new wording, so it is never inherited.
 */
export function rethrown(cause: unknown, message: string, code?: ErrorCode, where: ErrorWhere = {}, detail?: string): CodedError {
  const coded = cause instanceof CodedError ? cause : undefined;
  return new CodedError(code ?? coded?.code ?? 'internal', message, whereOf(cause, where), { schemaProblems: coded?.schemaProblems, detail, cause });
}
