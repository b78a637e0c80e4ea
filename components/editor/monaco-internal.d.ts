// Monaco's adapter from the `{ label, moduleId, createData }` worker options to a Worker (untyped upstream).
declare module 'monaco-editor/internal/common/workers' {
  import type { editor } from 'monaco-editor/editor/editor.api';
  export function createWebWorker<T extends object>(opts: {
    label?: string;
    moduleId: string;
    createData?: unknown;
    createWorker?: () => Worker;
    host?: unknown;
    keepIdleModels?: boolean;
  }): editor.MonacoWebWorker<T>;
}

// Monaco's YAML tokenizer and language configuration (what `languages/definitions/yaml/register` loads).
declare module 'monaco-editor/languages/definitions/yaml/yaml' {
  import type { languages } from 'monaco-editor/editor/editor.api';
  export const conf: languages.LanguageConfiguration;
  export const language: languages.IMonarchLanguage;
}
