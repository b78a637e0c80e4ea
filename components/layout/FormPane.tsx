'use client';
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { ValuesForm } from '@/components/form';
import type { JsonSchema } from '@/lib/form';
import { mergedValues, schemaErrorsByPath, type ChartInfo, type PlainValue, type PreviewState, type PreviewStore, type SchemaProblem } from '@/lib/configurator';
import { usePreviewSelector } from '@/lib/configurator/client/use-preview';
import type { ConfigurationHandle } from '@/lib/configurator/client/use-configuration';
import { RequiredValues } from './RequiredValues';

interface FormPaneProps {
  info: ChartInfo;
  config: ConfigurationHandle;
  store: PreviewStore | null;
}

const schemaProblemsOf = (s: PreviewState): SchemaProblem[] | null => (s.latest && !s.latest.ok && s.latest.kind === 'schema' ? s.latest.schemaProblems : null);

function toPath(path: string | readonly (string | number)[]): (string | number)[] {
  return typeof path === 'string' ? path.split('.').filter((p) => p !== '') : [...path];
}

/** Presets, reset, and the schema-driven form. */
export function FormPane({ info, config, store }: FormPaneProps) {
  const [paused, setPaused] = useState(false);
  // The form re-renders at low priority: typing and the preview never wait for it.
  const overrides = useDeferredValue(config.configuration.overrides);
  const values = useMemo(() => mergedValues({ ...config.configuration, overrides }, config.defaults), [overrides, config.defaults]); // eslint-disable-line react-hooks/exhaustive-deps
  const schemaErrors = usePreviewSelector(store, schemaProblemsOf);
  const errors = useMemo(() => (schemaErrors ? schemaErrorsByPath(schemaErrors, info.name) : {}), [schemaErrors, info.name]);
  const { setValue } = config;
  const onChange = useCallback(
    (path: string | readonly (string | number)[], value: unknown) => {
      setPaused(!setValue(toPath(path), value as PlainValue | undefined));
    },
    [setValue],
  );
  const textBroken = !config.configuration.parsed.ok;

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
      <div className="pane-body">
        {schemaErrors && !textBroken && <RequiredValues info={info} config={config} problems={schemaErrors} />}
        <MemoForm schema={schemaObject(info.schema)} values={values} onChange={onChange} errors={errors} />
      </div>
    </section>
  );
}

const MemoForm = memo(ValuesForm);

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
