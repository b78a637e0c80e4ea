'use client';
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { ValuesForm } from '@/components/form';
import { keywordsHelmIgnores, readableHelmErrors, type JsonSchema } from '@/lib/form';
import { HELM_RELEASE, pathKeys, type HelmVersion } from '@/lib/helm';
import { mergedValues, schemaErrorsByPath, type ChartInfo, type PlainValue, type PreviewState, type PreviewStore, type SchemaProblem } from '@/lib/configurator';
import { usePreviewSelector } from '@/lib/configurator/client/use-preview';
import type { ConfigurationHandle } from '@/lib/configurator/client/use-configuration';
import { download } from './download';
import { RequiredValues } from './RequiredValues';
import { askWhereUsed, UsedByBar } from './UsedByBar';

interface FormPaneProps {
  info: ChartInfo;
  config: ConfigurationHandle;
  store: PreviewStore | null;
}

const schemaProblemsOf = (s: PreviewState): SchemaProblem[] | null => (s.latest && !s.latest.ok && s.latest.code === 'values-schema' ? s.latest.schemaProblems : null);

/** A field id (its values path, a dot in a key escaped) or its keys. */
function toPath(path: string | readonly (string | number)[]): (string | number)[] {
  return typeof path === 'string' ? pathKeys(path) : [...path];
}

/** Presets, reset, and the schema-driven form. */
export function FormPane({ info, config, store }: FormPaneProps) {
  const [paused, setPaused] = useState(false);
  // The form re-renders at low priority: typing and the preview never wait for it.
  const overrides = useDeferredValue(config.configuration.overrides);
  const values = useMemo(() => mergedValues({ ...config.configuration, overrides }, config.defaults), [overrides, config.defaults]); // eslint-disable-line react-hooks/exhaustive-deps
  const schemaErrors = usePreviewSelector(store, schemaProblemsOf);
  const errors = useMemo(() => (schemaErrors ? readableHelmErrors(info.formSchema, schemaErrorsByPath(schemaErrors)) : {}), [schemaErrors, info.formSchema]);
  const { setValue } = config;
  const onChange = useCallback(
    (path: string | readonly (string | number)[], value: unknown) => {
      setPaused(!setValue(toPath(path), value as PlainValue | undefined));
    },
    [setValue],
  );
  const textBroken = !config.configuration.parsed.ok;
  // The field the user is in: "Where is it used?" asks about it.
  const [field, setField] = useState<string | null>(null);

  return (
    <section className="pane form-pane" aria-labelledby="form-pane-title">
      <header className="pane-header">
        <h2 id="form-pane-title">{info.name} settings</h2>
        <Presets info={info} config={config} />
      </header>
      {textBroken && (
        <p className="banner warning" role="status">
          values.yaml has a syntax error{paused ? ', so the form change was not applied' : ''}. Fix it in the editor; the form shows the last values that parsed.
        </p>
      )}
      <UsedByBar store={store} path={field} />
      <div
        className="pane-body"
        onFocus={(e) => {
          const id = (e.target as HTMLElement).closest<HTMLElement>('[data-field]')?.dataset.field;
          if (id) setField(id);
        }}
        onKeyDown={(e) => {
          if (e.altKey && e.key.toLowerCase() === 'u' && field) {
            e.preventDefault();
            if (store) askWhereUsed(store, pathKeys(field));
          }
        }}
      >
        {schemaErrors && !textBroken && <RequiredValues info={info} config={config} problems={schemaErrors} />}
        <SchemaNote info={info} helm={config.configuration.release.helmVersion} />
        <MemoForm schema={schemaObject(info.formSchema)} values={values} onChange={onChange} errors={errors} collapseSections={!curatedSections(info.schema)} />
      </div>
    </section>
  );
}

const MemoForm = memo(ValuesForm);

/** Where the form comes from, and the schema to take away (e.g. to contribute upstream). */
function SchemaNote({ info, helm }: { info: ChartInfo; helm: HelmVersion }) {
  const declared = schemaObject(info.schema);
  const ignored = useMemo(() => (declared ? keywordsHelmIgnores(declared, helm) : []), [declared, helm]);
  const save = async () => {
    // Schema inference (with Helm's validators) loads only when the schema is saved.
    const { exportableSchema } = await import('@/lib/form/infer');
    const text = `${JSON.stringify(exportableSchema(info.formSchema), null, 2)}\n`;
    download(new TextEncoder().encode(text), 'values.schema.json', 'application/schema+json');
  };
  return (
    <p className="form-schema-note">
      {info.formSchemaOrigin === 'inferred'
        ? 'This chart has no values.schema.json: the form is inferred from values.yaml and its comments.'
        : 'The form follows the chart’s values.schema.json; values.yaml comments fill in descriptions.'}{' '}
      <button type="button" className="link-button" onClick={() => void save()}>
        Download values.schema.json
      </button>
      {ignored.length > 0 && (
        <>
          {' '}
          Helm {HELM_RELEASE[helm]} does not check {ignored.map((k) => `\`${k}\``).join(', ')} in this schema (keywords of a later JSON Schema draft than it applies).
        </>
      )}
    </p>
  );
}

/** A chart whose schema lays out its sections for chartroom shows them open; others start closed. */
function curatedSections(schema: unknown): boolean {
  const hints = schemaObject(schema)?.['x-chartroom'];
  return typeof hints === 'object' && hints !== null && Array.isArray((hints as { sections?: unknown }).sections);
}

/** A values.schema.json that parsed to something other than an object gives no form. */
function schemaObject(schema: unknown): JsonSchema | null {
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema) ? (schema as JsonSchema) : null;
}

function Presets({ info, config }: { info: ChartInfo; config: ConfigurationHandle }) {
  const [choice, setChoice] = useState('');
  return (
    <div className="row presets">
      {info.presets.length > 0 && (
        <>
          <label htmlFor="preset-select">Start from</label>
          <select id="preset-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Chart defaults</option>
            {info.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id} ({p.file})
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            onClick={() => config.replaceText(info.presets.find((p) => p.id === choice)?.text ?? '')}
          >
            Apply preset
          </button>
        </>
      )}
      <button type="button" className="button ghost" onClick={() => config.reset()}>
        Reset to defaults
      </button>
    </div>
  );
}
