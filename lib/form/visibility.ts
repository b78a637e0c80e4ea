/**
 * Which fields the form shows for given values: Bundled/External switches reveal their
 * option's children, and an existing-Secret option replaces the plain secrets it stands for.
 */
import { pathKeys } from '../helm';
import type { FormField, FormModel } from './model';
import { dottedPath, getIn } from './paths';
import type { ModeOption, ModeSpec } from './schema';

/** Reads a value by path; the form passes its own store, tests pass plain values. */
export type ValueReader = (path: readonly string[]) => unknown;

/** Existing-Secret choices the person made that the values cannot show yet (an empty name). */
export type ExistingSecretModes = Record<string, boolean>;

/** The option whose value equals the switch field's value (its default when unset; else the first). */
export function selectedModeOption(mode: ModeSpec, value: unknown, fallback?: unknown): ModeOption {
  const current = value === undefined ? fallback : value;
  return mode.options.find((o) => o.value === current) ?? mode.options[0];
}

/** Whether a child of a mode object shows under the selected option (unlisted children always do). */
export function isModeChildShown(mode: ModeSpec, selected: ModeOption, childKey: string): boolean {
  if (childKey === mode.field || selected.show.includes(childKey)) return true;
  return !mode.options.some((o) => o !== selected && o.show.includes(childKey));
}

/**
 * Whether an existing Secret is in use according to the values alone: its name is set and
 * differs from the chart's default (a default name is the Secret the chart makes itself).
 */
export function existingSecretInUse(target: FormField | undefined, value: unknown): boolean {
  return typeof value === 'string' && value !== '' && value !== target?.default;
}

interface Relations {
  /** existingSecret field id → ids of the secret fields pointing at it. */
  secretsByTarget: Map<string, string[]>;
}

const relationsCache = new WeakMap<FormModel, Relations>();

function relations(model: FormModel): Relations {
  let rel = relationsCache.get(model);
  if (!rel) {
    const secretsByTarget = new Map<string, string[]>();
    for (const field of model.fieldsById.values()) {
      if (!field.existingSecret) continue;
      const target = dottedPath(field.existingSecret);
      secretsByTarget.set(target, [...(secretsByTarget.get(target) ?? []), field.id]);
    }
    rel = { secretsByTarget };
    relationsCache.set(model, rel);
  }
  return rel;
}

/** The fields enclosing a field, outermost first (their ids are the path's prefixes). */
function ancestors(model: FormModel, field: FormField): FormField[] {
  const out: FormField[] = [];
  for (let i = 1; i < field.path.length; i++) {
    const parent = model.fieldsById.get(dottedPath(field.path.slice(0, i)));
    if (parent) out.push(parent);
  }
  return out;
}

/** Visible through `hidden` and mode switches only. */
function shownByStructure(model: FormModel, field: FormField, read: ValueReader): boolean {
  if (field.hidden) return false;
  for (const parent of ancestors(model, field)) {
    if (parent.hidden) return false;
    if (!parent.mode) continue;
    const modeField = parent.children?.find((c) => c.key === parent.mode!.field);
    const selected = selectedModeOption(parent.mode, read([...parent.path, parent.mode.field]), modeField?.default);
    if (!isModeChildShown(parent.mode, selected, field.path[parent.path.length])) return false;
  }
  return true;
}

/** Whether the existing-Secret option at `targetId` is chosen (an explicit choice wins). */
export function existingSecretChosen(
  model: FormModel,
  targetId: string,
  read: ValueReader,
  modes?: ExistingSecretModes,
): boolean {
  if (modes && targetId in modes) return modes[targetId];
  const target = model.fieldsById.get(targetId);
  return existingSecretInUse(target, read(pathKeys(targetId)));
}

/**
 * Whether an existing-Secret name field offers the choice at all: some secret field standing
 * for it is on screen (otherwise the name is a plain input).
 */
export function existingSecretOffered(model: FormModel, targetId: string, read: ValueReader): boolean {
  const secrets = relations(model).secretsByTarget.get(targetId) ?? [];
  return secrets.some((id) => {
    const secret = model.fieldsById.get(id);
    return secret !== undefined && shownByStructure(model, secret, read);
  });
}

/**
 * Whether one field shows. A plain secret hides while its existing Secret is chosen; the
 * Secret's name field shows while it is chosen, or when nothing on screen offers the choice.
 */
export function isFieldShown(
  model: FormModel,
  field: FormField,
  read: ValueReader,
  modes?: ExistingSecretModes,
): boolean {
  if (!shownByStructure(model, field, read)) return false;
  if (field.existingSecret && existingSecretChosen(model, dottedPath(field.existingSecret), read, modes)) {
    return false;
  }
  if (!relations(model).secretsByTarget.has(field.id)) return true;
  return existingSecretChosen(model, field.id, read, modes) || !existingSecretOffered(model, field.id, read);
}

/**
 * Values paths a field's visibility depends on, so a component can watch just those.
 */
export function visibilityDependencies(model: FormModel, field: FormField): string[][] {
  const deps: string[][] = [];
  const fromStructure = (f: FormField) => {
    for (const parent of ancestors(model, f)) {
      if (parent.mode) deps.push([...parent.path, parent.mode.field]);
    }
  };
  fromStructure(field);
  if (field.existingSecret) {
    deps.push(field.existingSecret);
  }
  const secrets = relations(model).secretsByTarget.get(field.id);
  if (secrets) {
    deps.push(field.path);
    for (const id of secrets) {
      const secret = model.fieldsById.get(id);
      if (secret) fromStructure(secret);
    }
  }
  const seen = new Set<string>();
  return deps.filter((p) => {
    const id = dottedPath(p);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * The fields shown for these values, depth first in form order (array items excluded:
 * their fields come from the array's item template).
 */
export function visibleFields(
  model: FormModel,
  values: unknown,
  options: { existingSecretModes?: ExistingSecretModes } = {},
): FormField[] {
  const read: ValueReader = (path) => getIn(values, path);
  const out: FormField[] = [];
  const walk = (fields: FormField[]) => {
    for (const field of fields) {
      if (!isFieldShown(model, field, read, options.existingSecretModes)) continue;
      out.push(field);
      if (field.children) walk(field.children);
    }
  };
  for (const section of model.sections) walk(section.fields);
  return out;
}

/** Secret fields that stand for the same existing Secret (cleared together when it is chosen). */
export function secretsSharing(model: FormModel, targetId: string): FormField[] {
  const ids = relations(model).secretsByTarget.get(targetId) ?? [];
  return ids.map((id) => model.fieldsById.get(id)).filter((f): f is FormField => f !== undefined);
}
