/**
 * Which field shows an error: the field at the error's path, or the nearest enclosing one
 * when the path goes inside a value edited as a whole (YAML, lists, maps).
 */
import { joinPath, pathKeys, pathOf } from '../helm';
import type { FormField, FormModel } from './model';
import type { FieldErrors } from './helm-messages';

const INDEX = /^(0|[1-9][0-9]*)$/;

/** The id of the field that shows an error at `path`; `''` when no field encloses it. */
export function errorOwner(model: FormModel, path: readonly string[]): string {
  let owner = '';
  let field = path.length ? model.fieldsById.get(joinPath('', path[0])) : undefined;
  if (!field) return owner;
  owner = joinPath('', path[0]);
  let i = 1;
  while (field && i < path.length) {
    const key: string = path[i];
    if (field.widget === 'object') {
      const child: FormField | undefined = field.children?.find((c) => c.key === key);
      if (!child) break;
      field = child;
      owner = joinPath(owner, key);
      i += 1;
    } else if (field.widget === 'array' && INDEX.test(key)) {
      owner = joinPath(owner, key);
      const itemKey = path[i + 1];
      const child: FormField | undefined = field.itemFields?.find((c) => c.key === itemKey);
      if (!child) break;
      field = child;
      owner = joinPath(owner, itemKey);
      i += 2;
    } else {
      break;
    }
  }
  return owner;
}

/** Errors regrouped by the field that shows them; messages keep their order, no duplicates. */
export function errorsByOwner(model: FormModel, errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors)) {
    // Paths are escaped (`nodeSelector.kubernetes\.io/os`): a key holding dots is one segment.
    const segments = pathKeys(path);
    const owner = errorOwner(model, segments);
    // A message about a nested key shown on an enclosing field names that key, by its escaped path.
    const rest = pathOf(segments.slice(pathKeys(owner).length));
    const list = (out[owner] ??= []);
    for (const m of messages) {
      const text = rest ? `${rest}: ${m}` : m;
      if (!list.includes(text)) list.push(text);
    }
  }
  return out;
}
