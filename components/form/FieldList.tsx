'use client';
/**
 * Fields of a section or object in order, advanced ones under a disclosure, each shown or
 * hidden by the switches it depends on (and nothing else).
 */
import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import {
  dottedPath,
  existingSecretChosen,
  existingSecretOffered,
  isFieldShown,
  secretsSharing,
  visibilityDependencies,
  type ExistingSecretModes,
  type FormField,
  type ValueReader,
} from '@/lib/form';
import { BoundField, BoundObject } from './Bound';
import { domId, useFormRuntime, type FormRuntime } from './context';
import { onRevealField } from './reveal';
import { useStoreSelector, type KeyedStore } from './store';
import { FieldShell } from './widgets/FieldShell';
import { SwitchControl } from './widgets/scalar';
import styles from './ValuesForm.module.css';

function modesOf(store: KeyedStore<boolean>): ExistingSecretModes {
  const modes: ExistingSecretModes = {};
  for (const key of store.keys()) modes[key] = store.get(key)!;
  return modes;
}

/** Values of the paths a field's visibility depends on, watched by name. */
function useVisibilityInputs(field: FormField): { read: ValueReader; modes: ExistingSecretModes } {
  const { model, control, getValues, secretModes } = useFormRuntime();
  const names = useMemo(() => visibilityDependencies(model, field).map(dottedPath), [model, field]);
  const watched = useWatch({ control, name: names }) as unknown[];
  const version = useStoreSelector(secretModes, (s) => s.getVersion());
  const modes = useMemo(() => modesOf(secretModes), [secretModes, version]);
  const read: ValueReader = (path) => {
    const i = names.indexOf(dottedPath(path));
    return i >= 0 ? watched[i] : getValues(dottedPath(path));
  };
  return { read, modes };
}

function Watched({ field, children }: { field: FormField; children: ReactNode }) {
  const { model } = useFormRuntime();
  const { read, modes } = useVisibilityInputs(field);
  return isFieldShown(model, field, read, modes) ? <>{children}</> : null;
}

/** The field of an existing Secret's name: a switch while plain secrets offer the choice. */
function ExistingSecretSlot({ field }: { field: FormField }) {
  const runtime = useFormRuntime();
  const { model, idPrefix, disabled } = runtime;
  const { read, modes } = useVisibilityInputs(field);
  if (!isFieldShown(model, field, read, { ...modes, [field.id]: true })) return null;
  if (!existingSecretOffered(model, field.id, read)) return <BoundField field={field} />;
  const chosen = existingSecretChosen(model, field.id, read, modes);
  const secrets = secretsSharing(model, field.id);
  const toggleField: FormField = {
    ...field,
    label: 'Use an existing Secret',
    help: `${secrets.map((s) => s.label).join(', ')} ${secrets.length > 1 ? 'come' : 'comes'} from a Secret you manage instead of these values.`,
    required: false,
    widget: 'switch',
  };
  const toggleId = `${field.id}#existing`;
  return (
    <div className={styles.secretChoice}>
      <FieldShell field={toggleField} controlId={domId(idPrefix, toggleId)} ownerId={toggleId} inline>
        {(a11y) => (
          <SwitchControl
            field={toggleField}
            id={domId(idPrefix, toggleId)}
            value={chosen}
            a11y={a11y}
            disabled={disabled}
            onChange={(on) => chooseExistingSecret(runtime, field, on === true)}
          />
        )}
      </FieldShell>
      {chosen && <BoundField field={field} />}
    </div>
  );
}

/**
 * Switching to an existing Secret clears the plain secrets it replaces; switching back restores
 * the name's default. Only "on" is remembered: it must survive an empty name, while "off"
 * follows from the values (so a name typed later in values.yaml still selects the Secret).
 */
function chooseExistingSecret(runtime: FormRuntime, target: FormField, on: boolean): void {
  runtime.secretModes.set(target.id, on ? true : undefined);
  if (!on) {
    runtime.emit(target.path, undefined);
    return;
  }
  for (const secret of secretsSharing(runtime.model, target.id)) {
    const current = runtime.getValues(secret.id);
    if (typeof current !== 'string' || current === '') continue;
    runtime.emit(secret.path, secret.default === undefined || secret.default === '' ? undefined : '');
  }
}

const FieldEntry = memo(function FieldEntry({ field, insideAdvanced }: { field: FormField; insideAdvanced: boolean }) {
  const { model } = useFormRuntime();
  const deps = useMemo(() => visibilityDependencies(model, field), [model, field]);
  if (field.hidden) return null;
  if (secretsSharing(model, field.id).length > 0) return <ExistingSecretSlot field={field} />;
  const body = field.widget === 'object' ? <BoundObject field={field} insideAdvanced={insideAdvanced} /> : <BoundField field={field} />;
  return deps.length === 0 ? body : <Watched field={field}>{body}</Watched>;
});

/** Advanced fields, closed until opened, and opened by itself when one of them has an error or is linked to. */
function AdvancedDisclosure({ fields }: { fields: FormField[] }) {
  const { errors } = useFormRuntime();
  const prefixes = useMemo(() => fields.map((f) => f.id), [fields]);
  const hasErrors = useStoreSelector(errors, (s) =>
    [...s.keys()].some((k) => prefixes.some((p) => k === p || k.startsWith(`${p}.`))),
  );
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (hasErrors) setOpen(true);
  }, [hasErrors]);
  useEffect(() => onRevealField(prefixes, () => setOpen(true)), [prefixes]);
  return (
    <details className={styles.advanced} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={styles.summary}>Advanced</summary>
      <FieldList fields={fields} insideAdvanced />
    </details>
  );
}

/** Fields in order; advanced ones (outside an advanced parent) under one disclosure. */
export function FieldList({ fields, insideAdvanced = false }: { fields: FormField[]; insideAdvanced?: boolean }) {
  const normal = insideAdvanced ? fields : fields.filter((f) => !f.advanced);
  const advanced = insideAdvanced ? [] : fields.filter((f) => f.advanced);
  return (
    <>
      {normal.map((f) => (
        <FieldEntry key={f.key} field={f} insideAdvanced={insideAdvanced} />
      ))}
      {advanced.length > 0 && <AdvancedDisclosure fields={advanced} />}
    </>
  );
}
