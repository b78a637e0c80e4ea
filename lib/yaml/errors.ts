/**
 * YAML errors worded and positioned as go-yaml v2 reports them (decode.go's parser.fail): a
 * scanner error names the 1-based line of the problem, a parser error the 0-based line of the
 * offending token (go-yaml's own quirk), and either is omitted when it would be 0.
 */
import type { ErrorWhere, Located } from '../errors';

/** A position in the source as go-yaml counts it: characters, 0-based line and column. */
export interface Mark {
  index: number;
  line: number;
  column: number;
}

/**
 * A YAML or YAML→JSON conversion error; `message` is Go's `err.Error()` text after the prefix.
 * Its `where` is the problem's position in the document; the layer that read the document adds
 * which file it was (lib/errors' `whereOf`).
 */
export class YamlError extends Error implements Located {
  /** 1-based line of the problem in the source, when known. */
  line?: number;
  /** 1-based column of the problem in the source, when known. */
  column?: number;
  constructor(
    message: string,
    /** What went wrong: `syntax`, `alias`, `merge`, `key`, `tag`, `json`. */
    readonly code: string,
    pos?: { line: number; column: number },
  ) {
    super(message);
    this.name = 'YamlError';
    if (pos) [this.line, this.column] = [pos.line, pos.column];
  }

  get where(): ErrorWhere {
    return this.line === undefined ? {} : { line: this.line, column: this.column };
  }
}

/** Which stage of go-yaml found a syntax problem. */
export type ProblemStage = 'reader' | 'scanner' | 'parser';

/** A reader, scanner or parser failure as libyaml records it, before go-yaml formats it. */
export class YamlProblem extends Error {
  constructor(
    readonly stage: ProblemStage,
    readonly problem: string,
    readonly problemMark: Mark | null,
    readonly context: string = '',
    readonly contextMark: Mark | null = null,
  ) {
    super(problem);
    this.name = 'YamlProblem';
  }

  /** go-yaml's `yaml: line N: problem` text and the problem's 1-based position. */
  toYamlError(): YamlError {
    let line = 0;
    const pl = this.problemMark?.line ?? 0;
    const cl = this.contextMark?.line ?? 0;
    if (pl !== 0) line = this.stage === 'scanner' ? pl + 1 : pl;
    else if (cl !== 0) line = cl;
    const where = line !== 0 ? `line ${line}: ` : '';
    const mark = this.problemMark;
    const pos = mark ? { line: mark.line + 1, column: mark.column + 1 } : undefined;
    return new YamlError(`yaml: ${where}${this.problem || 'unknown problem parsing YAML content'}`, 'syntax', pos);
  }
}
