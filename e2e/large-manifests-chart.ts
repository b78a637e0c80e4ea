/**
 * A chart shaped like the largest popular public charts (kube-prometheus-stack renders about
 * 125 resources, a few megabytes with its dashboards): many small objects plus big ConfigMaps.
 * Written to a temporary folder for the folder picker.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LARGE_CHART = {
  /** Resources the chart renders with its defaults. */
  resources: 125,
  /** Lines of each dashboard ConfigMap's data. */
  dashboardLines: 1200,
  dashboards: 25,
};

const DEPLOYMENTS = 25;
const SERVICES = 25;
const ACCOUNTS = 25;
const RULES = LARGE_CHART.resources - LARGE_CHART.dashboards - DEPLOYMENTS - SERVICES - ACCOUNTS;

const files: Record<string, string> = {
  'Chart.yaml': 'apiVersion: v2\nname: big\nversion: 1.0.0\n',
  'values.yaml': 'replicas: 1\nimage: example.org/app:1.0\nlabel: big\n',
  'templates/_helpers.tpl': '{{- define "big.labels" -}}\napp.kubernetes.io/name: {{ .Values.label }}\napp.kubernetes.io/instance: {{ .Release.Name }}\n{{- end -}}\n',
  'templates/dashboards.yaml': `{{- range $d := until ${LARGE_CHART.dashboards} }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $.Release.Name }}-dashboard-{{ $d }}
  labels:
    {{- include "big.labels" $ | nindent 4 }}
data:
  dashboard-{{ $d }}.json: |-
    {
{{- range $i := until ${LARGE_CHART.dashboardLines} }}
      "panel-{{ $i }}": {"type": "timeseries", "expr": "sum(rate(http_requests_total{job=\\"{{ $d }}\\"}[5m]))"},
{{- end }}
      "title": "Dashboard {{ $d }}"
    }
{{- end }}
`,
  'templates/deployments.yaml': `{{- range $i := until ${DEPLOYMENTS} }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $.Release.Name }}-app-{{ $i }}
  labels:
    {{- include "big.labels" $ | nindent 4 }}
spec:
  replicas: {{ $.Values.replicas }}
  selector:
    matchLabels:
      app: app-{{ $i }}
  template:
    metadata:
      labels:
        app: app-{{ $i }}
    spec:
      containers:
        - name: app
          image: {{ $.Values.image }}
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
{{- end }}
`,
  'templates/services.yaml': `{{- range $i := until ${SERVICES} }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $.Release.Name }}-app-{{ $i }}
spec:
  selector:
    app: app-{{ $i }}
  ports:
    - port: 80
      targetPort: 8080
{{- end }}
`,
  'templates/accounts.yaml': `{{- range $i := until ${ACCOUNTS} }}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ $.Release.Name }}-app-{{ $i }}
{{- end }}
`,
  'templates/rules.yaml': `{{- range $r := until ${RULES} }}
---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: {{ $.Release.Name }}-rules-{{ $r }}
spec:
  groups:
    - name: group-{{ $r }}
      rules:
{{- range $i := until 40 }}
        - alert: Alert{{ $r }}x{{ $i }}
          expr: up{job="app-{{ $i }}"} == 0
          for: 5m
{{- end }}
{{- end }}
`,
};

/** Writes the chart; returns its folder (named `big`). */
export function writeLargeChart(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'chartroom-large-')), 'big');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
