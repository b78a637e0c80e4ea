'use client';
/**
 * The schema-driven values form: sections of fields generated from a chart's
 * values.schema.json and its `x-chartroom` hints, bound to react-hook-form by values path.
 */
import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import {
  buildFormModel,
  dottedPath,
  errorsByOwner,
  getIn,
  jsonEqual,
  withDataKeys,
  type FieldErrors,
  type FormModel,
  type FormSection,
  type JsonSchema,
} from '@/lib/form';
import { FormRuntimeContext, domId, useFormRuntime, type FormRuntime } from './context';
import { FieldList } from './FieldList';
import { KeyedStore, useStoreEntry, useStoreSelector } from './store';
import { HelpText } from './widgets/FieldShell';
import styles from './ValuesForm.module.css';

/** Props of `<ValuesForm>`. */
export interface ValuesFormProps {
  /** The chart's parsed values.schema.json (draft-07); null or absent when the chart has none. */
  schema: JsonSchema | null | undefined;
  /** The merged values (chart defaults + the user's) as plain JSON. */
  values: unknown;
  /**
   * One edit: the path (object keys only; changes inside lists arrive as the whole list) and the
   * new value, `undefined` to remove the user's value. Maps may carry `null` for removed keys
   * (Helm's way to delete a default). One click may report several edits in a row, so apply
   * each to the latest values.
   */
  onChange(path: string[], value: unknown | undefined): void;
  /** Errors by dotted values path, as `validateValues` returns them. */
  errors?: FieldErrors;
  disabled?: boolean;
}

/** The form of one chart; a schema with other content starts a fresh form. */
export function ValuesForm(props: ValuesFormProps) {
  if (!props.schema || typeof props.schema !== 'object') return <p className={styles.help}>{NO_SCHEMA_TEXT}</p>;
  return <SchemaForm {...props} schema={props.schema} />;
}

/** What the form shows for a chart without values.schema.json. */
export const NO_SCHEMA_TEXT = 'This chart has no values.schema.json: edit values.yaml directly.';

function SchemaForm(props: ValuesFormProps & { schema: JsonSchema }) {
  // Compared by content, so a schema parsed again on every render keeps the same form.
  const current = useRef<{ schema: JsonSchema; json: string; generation: number; model: FormModel } | null>(null);
  let entry = current.current;
  if (!entry || entry.schema !== props.schema) {
    const json = JSON.stringify(props.schema);
    if (!entry || entry.json !== json) {
      entry = { schema: props.schema, json, generation: (entry?.generation ?? 0) + 1, model: buildFormModel(props.schema) };
    } else {
      entry = { ...entry, schema: props.schema };
    }
    current.current = entry;
  }
  return <FormBody key={entry.generation} model={entry.model} {...props} />;
}

function errorMap(model: FormModel, errors: FieldErrors | undefined): Map<string, string[]> {
  return new Map(Object.entries(errorsByOwner(model, errors ?? {})));
}

/** Fields holding a value of their own (containers only group their children). */
function boundIds(model: FormModel): FormModel['fieldsById'] {
  return new Map([...model.fieldsById].filter(([, f]) => f.widget !== 'object'));
}

function FormBody({ model, values, onChange, errors, disabled = false }: ValuesFormProps & { model: FormModel }) {
  // Values enter react-hook-form with prototype-less maps, so map keys named `__proto__` survive its copies.
  const [initialValues] = useState(() => withDataKeys(values ?? {}) as FieldValues);
  const form = useForm<FieldValues>({ defaultValues: initialValues, shouldUnregister: false });
  const { control, getValues, setValue } = form;
  const idPrefix = `vf${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [stores] = useState(() => ({
    errors: (() => {
      const s = new KeyedStore<string[]>();
      s.replace(errorMap(model, errors));
      return s;
    })(),
    secretModes: new KeyedStore<boolean>(),
  }));
  const leaves = useMemo(() => boundIds(model), [model]);

  useLayoutEffect(() => {
    stores.errors.replace(errorMap(model, errors));
  }, [stores, model, errors]);

  // Values changed outside the form (the YAML editor) reach only the fields they changed.
  useLayoutEffect(() => {
    for (const [id, field] of leaves) {
      const next = getIn(values, field.path);
      if (!jsonEqual(getValues(id), next)) setValue(id, withDataKeys(next), { shouldDirty: false, shouldTouch: false });
    }
  }, [values, leaves, getValues, setValue]);

  const emit = useCallback(
    (path: string[], value: unknown, emitted?: unknown) => {
      setValue(dottedPath(path), withDataKeys(value), { shouldDirty: true });
      onChangeRef.current(path, emitted === undefined ? value : emitted);
    },
    [setValue],
  );

  const runtime = useMemo<FormRuntime>(
    () => ({ model, control, getValues, idPrefix, disabled, emit, errors: stores.errors, secretModes: stores.secretModes }),
    [model, control, getValues, idPrefix, disabled, emit, stores],
  );

  return (
    <FormRuntimeContext.Provider value={runtime}>
      <form className={styles.form} noValidate onSubmit={(e) => e.preventDefault()} aria-label={model.title ? `${model.title} values` : 'Chart values'}>
        <fieldset className={styles.bare} disabled={disabled}>
          <ErrorSummary />
          {model.sections.map((section) => (
            <Section key={section.id} section={section} />
          ))}
        </fieldset>
      </form>
    </FormRuntimeContext.Provider>
  );
}

const Section = memo(function Section({ section }: { section: FormSection }) {
  const { idPrefix } = useFormRuntime();
  const headingId = domId(idPrefix, `section.${section.id}`);
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.sectionTitle}>
        {section.title}
      </h2>
      {section.description && (
        <p className={styles.help}>
          <HelpText text={section.description} />
        </p>
      )}
      <FieldList fields={section.fields} />
    </section>
  );
});

/** How many fields have problems, and problems no field can show (unknown keys, the root). */
function ErrorSummary() {
  const { errors } = useFormRuntime();
  const count = useStoreSelector(errors, (s) => [...s.keys()].filter((k) => k !== '').length);
  const root = useStoreEntry(errors, '');
  if (count === 0 && !root) return null;
  return (
    <div className={styles.problems} role="status">
      {count > 0 && <p>{count === 1 ? '1 field needs attention.' : `${count} fields need attention.`}</p>}
      {root && (
        <ul className={styles.errors}>
          {root.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
