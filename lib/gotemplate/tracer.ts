/**
 * What an execution tells a tracer, when one is given (ExecOptions.tracer): which node wrote
 * each piece of output, which pipelines decided the branches around it, which templates it went
 * through and which functions it called. The executor only reports; what is kept (and what it
 * costs) is the tracer's business, and an execution without a tracer pays one property test per
 * node for this.
 */
import type { ActionNode, Node, TemplateNode, TextNode } from './parse/node';

export interface ExecTracer {
  /** An execution (a template run by Execute, e.g. for `include` or `tpl`) starts. */
  beginExec(): void;
  /** That execution ended with this output (not called when it failed). */
  endExec(out: string): void;
  /** That execution failed; the tracer drops what it kept for it. */
  abortExec(): void;
  /** A pipeline (of an action or of if/with/range) is about to be evaluated. */
  beginPipeline(): void;
  /** A text node's text was written at `start` of the execution's output. */
  text(node: TextNode, start: number): void;
  /** An action printed its value to [start, end) of the execution's output `out`. */
  action(node: ActionNode, start: number, end: number, out: string): void;
  /** An if/with/range pipeline was evaluated and its branch (or iterations) run next. */
  enterBranch(): void;
  /** The branch entered last is done. */
  leaveBranch(): void;
  /** `{{template}}` is about to run the named template. */
  enterTemplate(node: TemplateNode): void;
  leaveTemplate(): void;
  /** A function (or method) named `name` is about to be called at `node`. */
  call(name: string, node: Node): void;
}
