// Monaco's editor worker, bundled with the app (never loaded from a CDN).
import 'monaco-editor/editor/editor.worker';
