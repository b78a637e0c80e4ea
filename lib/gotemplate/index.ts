/**
 * Go's text/template in TypeScript: parse once, execute many times, byte-identical output
 * and error text. See template.ts for the template set API.
 */
export { Template } from './template';
export { TemplateError, LimitError, isStackExhaustion, stackWasExhausted, type TemplateErrorKind, isInternalFailure } from './errors';
export type { ExecOptions, CallObserver, CallSite } from './exec';
export { GO_MAX_EXEC_DEPTH, type GoRelease } from './exec';
export type { ExecTracer } from './tracer';
export { builtin, BUILTIN_NAMES } from './builtins';
export { isTrue } from './exec-types';
export { parse, Tree, type ParseOptions } from './parse/parse';
export * as nodes from './parse/node';
export { ActionNode, type Node, TemplateNode, TextNode } from './parse/node';
