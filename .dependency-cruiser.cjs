/**
 * The layers of lib/, checked by `npm run lint:imports` (part of `npm test`). Each layer may
 * import only layers of a lower rank; docs/architecture.md draws the same order. Tests sit
 * beside the code and may reach anywhere (tests/helm/reference.ts runs helm), so the layer rules
 * are about the code that ships.
 */
const RANK = {
  go: 0, kube: 0, server: 0, offline: 0, errors: 0, zod: 0,
  deps: 1, gotemplate: 1, encoding: 1,
  yaml: 2, sprig: 2,
  helm: 3,
  validate: 4, form: 4, 'remote-chart': 4,
  share: 5,
  configurator: 6,
  upgrade: 7,
  export: 8,
  cli: 9,
};

const TESTS = '\\.test\\.tsx?$';
const layers = Object.keys(RANK);

const layerRules = layers.map((layer) => {
  const above = layers.filter((other) => other !== layer && RANK[other] >= RANK[layer]);
  return {
    name: `layer-${layer}`,
    comment: `lib/${layer} (rank ${RANK[layer]}) imports only layers of a lower rank`,
    severity: 'error',
    from: { path: `^lib/${layer}/`, pathNot: TESTS },
    to: { path: `^lib/(${above.join('|')})/` },
  };
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'layer-through-index',
      comment:
        'another layer is imported through its index.ts; a lazily loaded module (dynamic import), the React hooks of client/ folders and the bundled Kubernetes schemas (data the CLI bundles and the page loads per version) are modules of their own',
      severity: 'error',
      from: { path: '^(lib/[^/]+|components|app)/', pathNot: TESTS },
      to: { path: '^lib/[^/]+/', pathNot: ['^$1/', '^lib/[^/]+/index\\.ts$', '/client/', '^lib/validate/schemas/'], dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'no-unknown-layer',
      comment: 'every folder of lib/ has a rank above (a new layer takes its place in the order)',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^lib/', pathNot: `^lib/(${layers.join('|')})/` },
    },
    {
      name: 'react-only-in-client',
      comment: 'lib/ is plain TypeScript for the worker and the CLI; React hooks live in client/ folders',
      severity: 'error',
      from: { path: '^lib/', pathNot: '/client/' },
      // jsx-runtime is what the TypeScript compiler names for any file under "jsx": "react-jsx".
      to: { path: '^node_modules/(react|react-dom|monaco-editor|monaco-yaml)/', pathNot: 'jsx-runtime' },
    },
    {
      name: 'lib-not-tests',
      comment: 'shipping code never imports test support',
      severity: 'error',
      from: { path: '^lib/', pathNot: TESTS },
      to: { path: '^tests/' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles between the files of lib/',
      severity: 'error',
      from: { path: '^lib/', pathNot: TESTS },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^\\.next/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports vanish at compile time; the rules are about what runs.
    tsPreCompilationDeps: false,
  },
};
