'use client';
/**
 * The schema-driven values form: sections of fields generated from a chart's
 * values.schema.json and its `x-chartroom` hints, bound to react-hook-form by values path.
 */
import { memo, useCallback, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import {
  buildFormModel,
  dottedPath,
  errorsByOwner,
  getIn,
  jsonEqual,
  searchFields,
  withDataKeys,
  type FieldErrors,
  type FormModel,
  type FormSection,
  type JsonSchema,
} from '@/lib/form';
import { FormRuntimeContext, domId, useFormRuntime, type FormRuntime } from './context';
import { BoundField } from './Bound';
import { FieldList } from './FieldList';
import { holdsField, onReveal, onRevealField } from './reveal';
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
  /** Errors by dotted values path, as `readableHelmErrors` words Helm's schema problems. */
  errors?: FieldErrors;
  disabled?: boolean;
  /**
   * Sections start closed and render their fields once opened, so a chart of hundreds of
   * fields opens fast; a section with problems opens by itself.
   */
  collapseSections?: boolean;
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

function FormBody({ model, values, onChange, errors, disabled = false, collapseSections = false }: ValuesFormProps & { model: FormModel }) {
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
          <SearchableSections model={model} collapsed={collapseSections} />
        </fieldset>
      </form>
    </FormRuntimeContext.Provider>
  );
}

/** The search box over every field, and the sections while nothing is searched for. */
function SearchableSections({ model, collapsed }: { model: FormModel; collapsed: boolean }) {
  const { idPrefix } = useFormRuntime();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const results = useMemo(() => (deferred ? searchFields(model, deferred) : null), [model, deferred]);
  // A link to a field the search leaves out brings the sections back.
  useEffect(() => (results ? onReveal((path) => !results.some((f) => holdsField([f.id], path)) && setQuery('')) : undefined), [results]);
  const searchId = domId(idPrefix, 'search');
  return (
    <>
      <div className={styles.search} role="search">
        <label htmlFor={searchId} className={styles.label}>
          Search settings
        </label>
        <input
          id={searchId}
          type="search"
          className={styles.input}
          value={query}
          placeholder="Name, path or description"
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {results ? (
        <SearchResults results={results} />
      ) : (
        model.sections.map((section) => <Section key={section.id} section={section} collapsible={collapsed} />)
      )}
    </>
  );
}

/** Matching fields, each under its values path; the sections are hidden meanwhile (one control per field). */
function SearchResults({ results }: { results: ReturnType<typeof searchFields> }) {
  return (
    <section className={styles.section} aria-label="Search results">
      <p className={styles.help} role="status">
        {results.length === 0 ? 'No setting matches.' : results.length === 1 ? '1 setting matches.' : `${results.length} settings match.`}
      </p>
      {results.map((field) => (
        <div key={field.id} className={styles.result}>
          <code className={styles.resultPath}>{field.id}</code>
          <BoundField field={field} />
        </div>
      ))}
    </section>
  );
}

const Section = memo(function Section({ section, collapsible }: { section: FormSection; collapsible: boolean }) {
  const { idPrefix, errors } = useFormRuntime();
  const headingId = domId(idPrefix, `section.${section.id}`);
  const prefixes = useMemo(() => section.fields.map((f) => f.id), [section]);
  const hasErrors = useStoreSelector(errors, (s) => [...s.keys()].some((k) => prefixes.some((p) => k === p || k.startsWith(`${p}.`))));
  const [open, setOpen] = useState(!collapsible);
  useEffect(() => {
    if (hasErrors) setOpen(true);
  }, [hasErrors]);
  useEffect(() => (collapsible ? onRevealField(prefixes, () => setOpen(true)) : undefined), [collapsible, prefixes]);
  const body = (
    <>
      {section.description && (
        <p className={styles.help}>
          <HelpText text={section.description} />
        </p>
      )}
      <FieldList fields={section.fields} />
    </>
  );
  if (!collapsible) {
    return (
      <section className={styles.section} aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.sectionTitle}>
          {section.title}
        </h2>
        {body}
      </section>
    );
  }
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className={styles.sectionSummary}>
          <h2 id={headingId} className={styles.sectionTitle}>
            {section.title}
          </h2>
        </summary>
        {/* Closed sections render nothing: a chart of hundreds of fields costs only its headings. */}
        {open && body}
      </details>
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
