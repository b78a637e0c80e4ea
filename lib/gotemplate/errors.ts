/**
 * The one error type the engine raises. Its message is Go's exact text:
 * parse errors `template: NAME:LINE: msg`, execution errors
 * `template: NAME:LINE:COL: executing "NAME" at <NODE>: msg`.
 */
import { quote } from '../go';
import { CodedError, type ErrorWhere } from '../errors';

export type TemplateErrorKind = 'parse' | 'exec';

export interface TemplateErrorInit {
  kind: TemplateErrorKind;
  /** Name of the file/top-level template that was parsed (Go's ParseName). */
  templateName: string;
  /** 1-based line, or 0 when Go reports none. */
  line: number;
  /** 0-based byte column as Go reports it, or 0 when Go reports none. */
  col: number;
  /** The template being executed (`executing "NAME"`), for exec errors. */
  executing?: string;
  /** The node text Go quotes (`at <...>`), for exec errors. */
  context?: string;
  /** The error message without its location prefix. */
  detail: string;
  cause?: unknown;
}

/** Where Go's text puts the error: `NAME:LINE:COL`; without a line Go names a template, not a place. */
function templateWhere(init: TemplateErrorInit): ErrorWhere {
  if (init.line === 0) return {};
  return init.kind === 'exec' ? { file: init.templateName, line: init.line, column: init.col } : { file: init.templateName, line: init.line };
}

/** A parse or execution error with Go's message text and its location as fields. */
export class TemplateError extends CodedError {
  readonly kind: TemplateErrorKind;
  readonly templateName: string;
  readonly line: number;
  readonly col: number;
  readonly executing?: string;
  readonly context?: string;
  readonly detail: string;

  constructor(init: TemplateErrorInit, message: string) {
    super(init.kind === 'parse' ? 'template-parse' : 'template-exec', message, templateWhere(init), { cause: init.cause });
    this.name = 'TemplateError';
    this.kind = init.kind;
    this.templateName = init.templateName;
    this.line = init.line;
    this.col = init.col;
    this.executing = init.executing;
    this.context = init.context;
    this.detail = init.detail;
  }
}

/** A parse error: `template: NAME:LINE: msg`. */
export function parseError(parseName: string, line: number, detail: string, col = 0): TemplateError {
  return new TemplateError({ kind: 'parse', templateName: parseName, line, col, detail }, `template: ${parseName}:${line}: ${detail}`);
}

/** Go's ErrorContext: the 1-based line and 0-based byte column of a UTF-16 offset in text. */
export function lineAndByteCol(text: string, pos: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  let col = 0;
  for (let i = lineStart; i < pos; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) col += 1;
    else if (c < 0x800) col += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      col += 4;
      i++;
    } else col += 3;
  }
  return { line, col };
}

/** An execution error located at a node: `template: FILE:LINE:COL: executing "NAME" at <NODE>: msg`. */
export function execError(
  executing: string,
  at: { text: string; parseName: string; pos: number; context: string } | null,
  detail: string,
  cause?: unknown,
): TemplateError {
  if (!at) {
    return new TemplateError({ kind: 'exec', templateName: executing, line: 0, col: 0, executing, detail, cause }, `template: ${executing}: ${detail}`);
  }
  const { line, col } = lineAndByteCol(at.text, at.pos);
  return new TemplateError(
    { kind: 'exec', templateName: at.parseName, line, col, executing, context: at.context, detail, cause },
    `template: ${at.parseName}:${line}:${col}: executing ${quote(executing)} at <${at.context}>: ${detail}`,
  );
}

/** Raised when an execution limit (depth of JS stack aside: output size, time, abort) is hit. */
export class LimitError extends CodedError {
  constructor(message: string) {
    super('render-limit', message);
    this.name = 'LimitError';
  }
}

let stackExhausted = false;

/**
 * Whether `e` is V8 running out of call stack. Go's stacks grow to 1 GB where V8's is fixed when
 * a thread starts, so each time this is seen it is remembered: a caller can then run the same
 * work again on a thread with a bigger stack (see {@link stackWasExhausted}).
 */
export function isStackExhaustion(e: unknown): boolean {
  const hit = e instanceof RangeError && /call stack/i.test(e.message);
  if (hit) stackExhausted = true;
  return hit;
}

/** Whether this thread has run out of call stack since it started. */
export function stackWasExhausted(): boolean {
  return stackExhausted;
}

/**
 * A failure of JavaScript itself (stack exhausted, a bug), as opposed to an error Go code
 * would return. Functions that turn Go errors into "" or a message, as Helm's toJson does,
 * must let these through: an internal failure is never a value.
 */
export function isInternalFailure(e: unknown): boolean {
  return e instanceof RangeError || e instanceof TypeError || e instanceof ReferenceError;
}
