import { TemplateError } from '../../gotemplate';

/**
 * Helm 4's reformatExecErrorMsg: when every error in the chain (the execution error and the
 * include errors it wraps) is text/template's own, each becomes a block of its location, what
 * was executing, and the message; any other error in the chain leaves the text as it was.
 */
export function traceExecError(e: TemplateError): string | undefined {
  const blocks: string[] = [];
  let current: unknown = e;
  while (current !== undefined) {
    if (!(current instanceof Error)) return undefined;
    const block = traceBlock(current.message);
    if (block === undefined) return undefined;
    if (blocks[blocks.length - 1] !== block) blocks.push(block);
    // Only a function call's error is wrapped (`error calling NAME: %w`); Go unwraps nothing else.
    current = current instanceof TemplateError ? current.cause : undefined;
  }
  return blocks.join('').trim();
}

/** One error's block, or undefined when its text is not a text/template error. */
function traceBlock(s: string): string | undefined {
  const prefix = 'template: ';
  if (!s.startsWith(prefix)) return undefined;
  const rest = s.slice(prefix.length);
  if (rest.startsWith('no template ')) return `${s}\n`;
  const cutChained = (m: string) => {
    const i = m.indexOf(' template:');
    return i < 0 ? m : m.slice(0, i);
  };
  const exec = rest.indexOf(': executing ');
  if (exec >= 0) {
    const location = rest.slice(0, exec);
    const after = rest.slice(exec + ': executing '.length);
    if (after[0] !== '"') return undefined;
    const endQuote = after.indexOf('"', 1);
    if (endQuote < 0) return undefined;
    const fn = after.slice(1, endQuote);
    const afterFn = after.slice(endQuote + 1);
    if (!afterFn.startsWith(' at <')) return undefined;
    const afterAt = afterFn.slice(' at <'.length);
    const endLoc = afterAt.indexOf('>: ');
    if (endLoc < 0) return undefined;
    const node = afterAt.slice(0, endLoc);
    const message = cutChained(afterAt.slice(endLoc + 3));
    return `${location}\n  executing "${fn}" at <${node}>:\n    ${message}\n`;
  }
  const sep = rest.lastIndexOf(': ');
  if (sep < 0) return undefined;
  return `${rest.slice(0, sep)}\n  ${cutChained(rest.slice(sep + 2))}\n`;
}
