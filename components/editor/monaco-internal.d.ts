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

// Monaco's internal modules, imported only to evaluate them early (monaco-steps.ts); nothing of them is used.
declare module 'monaco-editor/base/*';
declare module 'monaco-editor/platform/*';
declare module 'monaco-editor/editor/browser/*';
declare module 'monaco-editor/editor/common/*';
declare module 'monaco-editor/editor/contrib/*';
declare module 'monaco-editor/editor/standalone/*';
