/**
 * Rendering helpers for the Aeterna chart tests: a stand-in copy of the chart whose dependency
 * stand-ins create Services with the real charts' fullname rule, and a parsed `helm template`.
 */
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { runHelm } from '../helm/reference';
import { withStandins } from './standins';

export const chartDir = resolve(__dirname, '../../charts/aeterna');

/** A Service named like the official Dragonfly and Qdrant charts name theirs (helm create's fullname rule). */
const fullnameService = `{{- $name := default .Chart.Name .Values.nameOverride }}
{{- $full := "" }}
{{- if .Values.fullnameOverride }}{{ $full = .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains $name .Release.Name }}{{ $full = .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}{{ $full = printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}{{ end }}
apiVersion: v1
kind: Service
metadata:
  name: {{ $full }}
  labels:
    standin: {{ .Chart.Name }}
spec:
  selector:
    app.kubernetes.io/name: {{ $name }}
    app.kubernetes.io/instance: {{ .Release.Name }}
`;

/** Copies the chart with stand-ins for its dependencies; returns the copy's directory. */
export function standinChart(): string {
  return withStandins(chartDir, {
    templates: {
      dragonfly: { 'service.yaml': fullnameService },
      qdrant: { 'service.yaml': fullnameService },
      // Makes the operator's presence visible in the output.
      'cloudnative-pg': { 'marker.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cnpg-standin\n' },
    },
  });
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
  [k: string]: any;
}

export interface Rendered {
  ok: boolean;
  stderr: string;
  objects: K8sObject[];
  text: string;
}

/** Runs `helm template` on the stand-in copy and parses the manifest stream. */
export async function render(dir: string, args: string[] = [], release = 'rel'): Promise<Rendered> {
  const r = await runHelm(['template', release, dir, ...args]);
  if (r.status !== 0) return { ok: false, stderr: r.stderr, objects: [], text: r.stdout };
  const objects = parseAllDocuments(r.stdout)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
  return { ok: true, stderr: r.stderr, objects, text: r.stdout };
}

export function find(objects: K8sObject[], kind: string, name?: string): K8sObject | undefined {
  return objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
}

export function all(objects: K8sObject[], kind: string): K8sObject[] {
  return objects.filter((o) => o.kind === kind);
}

/** The Aeterna container's environment: ConfigMap entries plus plain and secret env entries. */
export function appEnv(objects: K8sObject[]): Record<string, string> {
  const dep = objects.find((o) => o.kind === 'Deployment' && o.metadata.labels?.['app.kubernetes.io/component'] === 'server');
  if (!dep) throw new Error('no Aeterna Deployment rendered');
  const container = dep.spec.template.spec.containers[0];
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const cm = find(objects, 'ConfigMap', from.configMapRef?.name);
    Object.assign(env, cm?.data ?? {});
  }
  for (const e of container.env ?? []) {
    env[e.name] = e.value ?? `secret:${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`;
  }
  return env;
}
