// monaco-yaml's language worker (completion, hover, schema validation), bundled with the app.
import 'monaco-yaml/yaml.worker';
