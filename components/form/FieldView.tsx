'use client';
/**
 * One field as a value and a change callback, whatever holds the value: bound fields pass
 * the form state, array items pass their slice of the array.
 */
import type { FormField } from '@/lib/form';
import { joinPath } from '@/lib/helm';
import { domId, useFormRuntime } from './context';
import { FieldShell } from './widgets/FieldShell';
import { GroupShell } from './widgets/GroupShell';
import { KeyValueControl, ListControl } from './widgets/collections';
import { NumberControl, SelectControl, SwitchControl, TextControl, TristateControl } from './widgets/scalar';
import { SecretControl } from './widgets/SecretControl';
import { YamlControl } from './widgets/YamlControl';
import styles from './ValuesForm.module.css';

export interface FieldViewProps {
  field: FormField;
  /** Id of the field in errors (array items include their index). */
  ownerId: string;
  value: unknown;
  onChange(value: unknown): void;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Renders the control the field's widget asks for. */
export function FieldView(props: FieldViewProps) {
  const { field, ownerId, value, onChange } = props;
  const { idPrefix, disabled } = useFormRuntime();
  switch (field.widget) {
    case 'object':
      return <ValueObject {...props} />;
    case 'array':
      return <ArrayControl {...props} />;
    case 'list':
      return <ListControl field={field} ownerId={ownerId} value={value} onChange={onChange} />;
    case 'key-value':
      return <KeyValueControl field={field} ownerId={ownerId} value={value} onChange={onChange} />;
  }
  const id = domId(idPrefix, ownerId);
  const inline = field.widget === 'switch';
  return (
    <FieldShell field={field} controlId={id} ownerId={ownerId} inline={inline}>
      {(a11y) => {
        const control = { field, id, value, onChange, a11y, disabled };
        switch (field.widget) {
          case 'switch':
            return <SwitchControl {...control} />;
          case 'tristate':
            return <TristateControl {...control} />;
          case 'select':
            return <SelectControl {...control} />;
          case 'number':
          case 'integer':
            return <NumberControl {...control} />;
          case 'yaml':
            return <YamlControl {...control} />;
          case 'textarea':
            return <TextControl {...control} multiline />;
          default:
            return field.secret ? <SecretControl {...control} /> : <TextControl {...control} />;
        }
      }}
    </FieldShell>
  );
}

/** An object inside an array item: a fieldset of its children. */
function ValueObject({ field, ownerId, value, onChange }: FieldViewProps) {
  const { idPrefix } = useFormRuntime();
  const current = isMap(value) ? value : {};
  return (
    <GroupShell field={field} groupId={domId(idPrefix, ownerId)} ownerId={ownerId}>
      {(field.children ?? []).map((child) => (
        <FieldView
          key={child.key}
          field={child}
          ownerId={joinPath(ownerId, child.key)}
          value={current[child.key]}
          onChange={(v) => onChange(withKey(current, child.key, v))}
        />
      ))}
    </GroupShell>
  );
}

function withKey(map: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...map };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}

/** A new item: the item fields' defaults. */
function newItem(field: FormField): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const f of field.itemFields ?? []) if (f.default !== undefined) item[f.key] = structuredClone(f.default);
  return item;
}

/** A list of objects: one fieldset per item with its fields, add and remove. */
function ArrayControl({ field, ownerId, value, onChange }: FieldViewProps) {
  const { idPrefix, disabled } = useFormRuntime();
  const items = Array.isArray(value) ? value : [];
  const groupId = domId(idPrefix, ownerId);
  const replace = (i: number, item: unknown) => onChange(items.map((x, j) => (j === i ? item : x)));
  return (
    <GroupShell field={field} groupId={groupId} ownerId={ownerId}>
      {items.map((item, i) => {
        const itemOwner = `${ownerId}.${i}`;
        const current = isMap(item) ? item : {};
        return (
          <fieldset key={i} className={styles.item} data-field={itemOwner}>
            <legend className={styles.legend}>
              {field.label} {i + 1}
            </legend>
            {(field.itemFields ?? []).map((child) => (
              <FieldView
                key={child.key}
                field={child}
                ownerId={joinPath(itemOwner, child.key)}
                value={current[child.key]}
                onChange={(v) => replace(i, withKey(current, child.key, v))}
              />
            ))}
            <button
              type="button"
              className={styles.button}
              disabled={disabled}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              Remove<span className={styles.visuallyHidden}> {field.label} {i + 1}</span>
            </button>
          </fieldset>
        );
      })}
      <button type="button" className={styles.button} disabled={disabled} onClick={() => onChange([...items, newItem(field)])}>
        Add<span className={styles.visuallyHidden}> to {field.label}</span>
      </button>
    </GroupShell>
  );
}
