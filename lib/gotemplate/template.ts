/**
 * A set of associated templates, like Go's *template.Template: templates made with `new` or
 * defined with `{{define}}` share one namespace, one function map and one option set.
 */
import { builtin } from './builtins';
import { TemplateError } from './errors';
import { executeTree, type ExecOptions, type ExecTemplate, MissingKey } from './exec';
import { type FuncMap, quote, type GoFunc, type GoValue } from '../go';
import type { ListNode } from './parse/node';
import { isEmptyTree } from './parse/node';
import { Tree } from './parse/parse';

/** What associated templates share (Go's `common`). */
interface Common {
  templates: Map<string, Template>;
  funcs: FuncMap;
  missingKey: MissingKey;
  /** findFunction's answers (null: not defined), dropped whenever functions are added. */
  resolved?: Map<string, FoundFunction | null>;
}

/** A function found by name, and whether it is one of text/template's builtins. */
export interface FoundFunction {
  readonly fn: GoFunc;
  readonly builtin: boolean;
}

const IDENT = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

/** A named template within a set; see the module comment. */
export class Template implements ExecTemplate {
  tree: Tree | null = null;
  private leftDelim = '';
  private rightDelim = '';

  constructor(
    readonly name: string,
    private common: Common = { templates: new Map(), funcs: {}, missingKey: MissingKey.Invalid },
  ) {}

  get root(): ListNode | null {
    return this.tree?.root ?? null;
  }

  get missingKey(): MissingKey {
    return this.common.missingKey;
  }

  /** Adds functions to the set (Go's Funcs). Names must be identifiers. */
  funcs(funcMap: FuncMap): this {
    for (const [name, fn] of Object.entries(funcMap)) {
      if (!IDENT.test(name)) throw new Error(`function name ${quote(name)} is not a valid identifier`);
      this.common.funcs[name] = fn;
    }
    this.common.resolved = undefined;
    return this;
  }

  /** Sets options: `missingkey=default|invalid|zero|error`. */
  option(...opts: string[]): this {
    for (const opt of opts) {
      if (opt === '') throw new Error('empty option string');
      const eqAt = opt.indexOf('=');
      if (eqAt >= 0 && opt.slice(0, eqAt) === 'missingkey') {
        const v = opt.slice(eqAt + 1);
        if (v === 'invalid' || v === 'default') {
          this.common.missingKey = MissingKey.Invalid;
          continue;
        }
        if (v === 'zero') {
          this.common.missingKey = MissingKey.Zero;
          continue;
        }
        if (v === 'error') {
          this.common.missingKey = MissingKey.Error;
          continue;
        }
      }
      throw new Error(`unrecognized option: ${opt}`);
    }
    return this;
  }

  /** Sets the action delimiters for later parses (empty means the default `{{`/`}}`). */
  delims(left: string, right: string): this {
    this.leftDelim = left;
    this.rightDelim = right;
    return this;
  }

  /** A new, empty template associated with this one. */
  new(name: string): Template {
    const t = new Template(name, this.common);
    t.leftDelim = this.leftDelim;
    t.rightDelim = this.rightDelim;
    return t;
  }

  /**
   * Parses text as this template's body, defining any `{{define}}`d templates in the set.
   * Throws a TemplateError (kind 'parse') with Go's message.
   */
  parse(text: string): this {
    const trees = new Map<string, Tree>();
    new Tree(this.name).parse(text, trees, {
      leftDelim: this.leftDelim,
      rightDelim: this.rightDelim,
      hasFunction: (n) => this.findFunction(n) !== undefined,
    });
    for (const [name, tree] of trees) this.addParseTree(name, tree);
    return this;
  }

  /** Installs a parsed tree under a name; an empty tree never replaces a defined one. */
  addParseTree(name: string, tree: Tree): Template {
    const nt = name === this.name ? this : this.new(name);
    const old = this.common.templates.get(name);
    if (old && isEmptyTree(tree.root) && old.tree) {
      if (!nt.tree) nt.tree = tree;
      return nt;
    }
    this.common.templates.set(name, nt);
    nt.tree = tree;
    return nt;
  }

  /** The template of that name in the set, if defined. */
  lookup(name: string): Template | undefined {
    return this.common.templates.get(name);
  }

  /** All templates in the set. */
  templates(): Template[] {
    return [...this.common.templates.values()];
  }

  /** Go's DefinedTemplates: `; defined templates are: "a", "b"` or ''. */
  definedTemplates(): string {
    const names = this.templates()
      .filter((t) => t.root)
      .map((t) => quote(t.name));
    return names.length ? `; defined templates are: ${names.join(', ')}` : '';
  }

  /** A copy of the set sharing the parsed trees, so later parses into it don't affect this one. */
  clone(): Template {
    const common: Common = { templates: new Map(), funcs: { ...this.common.funcs }, missingKey: this.common.missingKey };
    const nt = this.copyInto(common);
    for (const [name, t] of this.common.templates) common.templates.set(name, name === this.name ? nt : t.copyInto(common));
    return nt;
  }

  private copyInto(common: Common): Template {
    const t = new Template(this.name, common);
    t.tree = this.tree;
    t.leftDelim = this.leftDelim;
    t.rightDelim = this.rightDelim;
    return t;
  }

  /** The function of that name: the set's own first, then the builtins. */
  findFunction(name: string): FoundFunction | undefined {
    const resolved = (this.common.resolved ??= new Map());
    let found = resolved.get(name);
    if (found === undefined) {
      const own = Object.prototype.hasOwnProperty.call(this.common.funcs, name) ? this.common.funcs[name] : undefined;
      const b = own ? undefined : builtin(name);
      found = own ? { fn: own, builtin: false } : b ? { fn: b, builtin: true } : null;
      resolved.set(name, found);
    }
    return found ?? undefined;
  }

  /** Executes this template with `data` as dot; returns the output or throws TemplateError. */
  execute(data: GoValue, opts?: ExecOptions): string {
    return executeTree(this, data, opts);
  }

  /** Executes the named template of the set. */
  executeTemplate(name: string, data: GoValue, opts?: ExecOptions): string {
    const t = this.lookup(name);
    if (!t) {
      const msg = `template: no template ${quote(name)} associated with template ${quote(this.name)}`;
      throw new TemplateError({ kind: 'exec', templateName: this.name, line: 0, col: 0, detail: msg }, msg);
    }
    return t.execute(data, opts);
  }
}
