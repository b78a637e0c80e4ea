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
