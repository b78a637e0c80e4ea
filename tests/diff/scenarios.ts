/**
 * `helm template` invocations that the chart-level differential suite runs through both helm and
 * chartroom. Paths are relative to tests/diff/charts. Each row is one behaviour worth pinning.
 */
export interface Scenario {
  name: string;
  args: string[];
}

const failureModes = ['fail', 'nested', 'required', 'exec', 'compare', 'badtype', 'yaml', 'longkey', 'recursion', 'list'];

export const SCENARIOS: Scenario[] = [
  { name: 'basic defaults', args: ['template', 'basic'] },
  { name: 'basic named release in a namespace', args: ['template', 'my-release', 'basic', '-n', 'prod'] },
  { name: 'release name containing the chart name', args: ['template', 'basic-prod', 'basic'] },
  { name: 'basic with -f files in order', args: ['template', 'r', 'basic', '-f', 'values/override.yaml', '-f', 'values/second.yaml'] },
  { name: '--set types and lists', args: ['template', 'r', 'basic', '--set', 'replicaCount=1000000,image.tag=v1', '--set', 'ports[0]=81,ports[3]=9000', '--set', 'config.flag=true,config.nothing=null'] },
  { name: '--set-string keeps strings', args: ['template', 'r', 'basic', '--set-string', 'replicaCount=3,env.BOOL=false'] },
  { name: '--set-json', args: ['template', 'r', 'basic', '--set-json', 'config.nested={"list":[1,2.5,"x"],"obj":{"k":null}}', '--set-json', 'podAnnotations={"a":"1"}'] },
  { name: '--set-file', args: ['template', 'r', 'basic', '--set-file', 'config.note=values/note.txt'] },
  { name: '--set escapes and dotted keys', args: ['template', 'r', 'basic', '--set', 'podAnnotations.example\\.com/key=a\\,b'] },
  { name: '--set overrides -f', args: ['template', 'r', 'basic', '-f', 'values/override.yaml', '--set', 'replicaCount=9'] },
  { name: 'null from -f deletes a default', args: ['template', 'r', 'basic', '-f', 'values/override.yaml', '--show-only', 'templates/deployment.yaml'] },
  { name: 'fullnameOverride and nameOverride', args: ['template', 'r', 'basic', '--set', 'fullnameOverride=custom-name-that-is-definitely-longer-than-sixty-three-characters-total,nameOverride=nm'] },
  { name: 'disabled block leaves an empty file', args: ['template', 'r', 'basic', '--set', 'enabled=false'] },
  { name: 'show-only one file', args: ['template', 'r', 'basic', '-s', 'templates/service.yaml'] },
  { name: 'show-only glob and order of patterns', args: ['template', 'r', 'basic', '-s', 'templates/service.yaml', '-s', 'templates/config*.yaml'] },
  { name: 'show-only class, range and escape', args: ['template', 'r', 'basic', '-s', 'templates/[^a-r]erv?ce.yaml', '-s', 'templates/\\deploy[m-m]ent.yaml'] },
  { name: 'show-only malformed pattern selects nothing', args: ['template', 'r', 'basic', '-s', 'templates/[.yaml'] },
  { name: 'show-only missing file', args: ['template', 'r', 'basic', '-s', 'templates/nope.yaml'] },
  { name: 'more than two arguments', args: ['template', 'r', 'basic', 'extra', 'more'] },
  { name: 'show-only NOTES is not a manifest', args: ['template', 'r', 'basic', '-s', 'templates/NOTES.txt'] },
  { name: 'is-upgrade', args: ['template', 'r', 'basic', '--is-upgrade'] },
  { name: 'kube-version', args: ['template', 'r', 'basic', '--kube-version', 'v1.29.4'] },
  { name: 'invalid kube-version', args: ['template', 'r', 'basic', '--kube-version', 'banana'] },
  { name: 'invalid release name', args: ['template', 'Bad_Name', 'basic'] },

  { name: 'umbrella defaults: aliases, conditions, tags, library', args: ['template', 'r', 'umbrella'] },
  { name: 'umbrella with backend enabled and tag on', args: ['template', 'r', 'umbrella', '--set', 'backend.enabled=true', '--set', 'tags.extras=true'] },
  { name: 'umbrella global condition path', args: ['template', 'r', 'umbrella', '--set', 'global.backendEnabled=true'] },
  { name: 'umbrella alias disabled by condition', args: ['template', 'r', 'umbrella', '--set', 'queue.enabled=false,disabled.enabled=true'] },
  { name: 'umbrella globals overridden', args: ['template', 'r', 'umbrella', '--set', 'global.region=us-east-1,backend.enabled=true,backend.global.region=local'] },
  { name: 'umbrella subchart null deletion', args: ['template', 'r', 'umbrella', '--set', 'backend.enabled=true,backend.nested.extra=null'] },
  { name: 'umbrella show-only subchart', args: ['template', 'r', 'umbrella', '-s', 'charts/queue/templates/pvc.yaml'] },

  { name: 'kinds: install order, hooks, tests, files, capabilities', args: ['template', 'r', 'kinds'] },
  { name: 'kinds: skip tests', args: ['template', 'r', 'kinds', '--skip-tests'] },
  { name: 'kinds: no hooks', args: ['template', 'r', 'kinds', '--no-hooks'] },
  { name: 'kinds: include crds', args: ['template', 'r', 'kinds', '--include-crds'] },
  { name: 'kinds: api versions enable the ServiceMonitor', args: ['template', 'r', 'kinds', '-a', 'monitoring.coreos.com/v1', '-a', 'monitoring.coreos.com/v1/ServiceMonitor'] },
  { name: 'kinds: kube version too old for the chart', args: ['template', 'r', 'kinds', '--kube-version', '1.24'] },
  { name: 'kinds: show-only a test', args: ['template', 'r', 'kinds', '-s', 'templates/tests/test-connection.yaml'] },

  { name: 'tpl: values templates, nested tpl, defines', args: ['template', 'r', 'tplchart'] },
  { name: 'schema: valid', args: ['template', 'r', 'schema'] },
  {
    name: 'schema: every kind of violation in parent and subchart',
    args: ['template', 'r', 'schema', '--set', 'port=0,name=X,mode=slow,database.extra=1,child.level=9'],
  },
  { name: 'schema: missing required and wrong type', args: ['template', 'r', 'schema', '--set', 'name=null', '--set-string', 'port=80'] },
  { name: 'schema: skipped', args: ['template', 'r', 'schema', '--set', 'port=0', '--skip-schema-validation'] },

  { name: 'encodings: toToml floats and a values.yaml of several documents', args: ['template', 'r', 'encodings'] },

  { name: 'import-nulls: nulls through import-values, a non-bool condition', args: ['template', 'r', 'import-nulls'] },
  { name: 'api-v3: a chart of apiVersion v3', args: ['template', 'r', 'api-v3'] },
  // helm template's checks before it installs, in helm's order: chart type, deprecation, dependencies, then (Helm 4) apiVersion v3.
  ...['dependencies-present', 'dependency-missing', 'undeclared-subchart', 'library', 'deprecated', 'requirements', 'bad-type', 'deprecated-v2', 'requirements-v2'].map((c) => ({
    name: `install-checks/${c}`,
    args: ['template', 'r', `install-checks/${c}`],
  })),
  { name: 'prerelease-deps: a prerelease subchart against a range naming a prerelease', args: ['template', 'r', 'prerelease-deps'] },
  { name: 'prerelease-deps: a prerelease Kubernetes against kubeVersion', args: ['template', 'r', 'prerelease-deps', '--kube-version', '1.30.0-rc.1'] },

  { name: 'failures: none', args: ['template', 'r', 'failures'] },
  ...failureModes.map((m) => ({ name: `failures: ${m}`, args: ['template', 'r', 'failures', '--set', `mode=${m}`] })),
];
