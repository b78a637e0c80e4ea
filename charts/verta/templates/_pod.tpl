{{/*
Pieces every Verta Deployment shares. Security contexts are split the way the API server wants
them: runAsNonRoot/runAsUser/runAsGroup/fsGroup/seccompProfile on the pod, capabilities,
readOnlyRootFilesystem and allowPrivilegeEscalation on each container.
*/}}

{{/*
Deployment spec head: replicas (unless an HPA owns them), selector, strategy.
Call with (dict "ctx" $ "component" "backend" "values" .Values.backend).
*/}}
{{- define "verta.deploymentSpecHead" -}}
{{- if not .values.autoscaling.enabled -}}
replicas: {{ .values.replicas }}
{{ end -}}
revisionHistoryLimit: 5
selector:
  matchLabels:
    {{- include "verta.selectorLabels" (dict "ctx" .ctx "component" .component) | nindent 4 }}
strategy:
  {{- toYaml .values.strategy | nindent 2 }}
{{- end }}

{{/*
Pod-level settings shared by all components.
Call with (dict "ctx" $ "values" .Values.backend).
*/}}
{{- define "verta.podCommon" -}}
serviceAccountName: {{ include "verta.serviceAccountName" .ctx }}
automountServiceAccountToken: {{ .ctx.Values.serviceAccount.automountServiceAccountToken }}
{{- include "verta.imagePullSecrets" .ctx }}
securityContext:
  {{- toYaml .ctx.Values.podSecurityContext | nindent 2 }}
{{- with .values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
Probes of a container, from the component's values.
*/}}
{{- define "verta.probes" -}}
startupProbe:
  {{- toYaml .startupProbe | nindent 2 }}
livenessProbe:
  {{- toYaml .livenessProbe | nindent 2 }}
readinessProbe:
  {{- toYaml .readinessProbe | nindent 2 }}
{{- end }}

{{/*
An env entry read from the application Secret.
Call with (dict "ctx" $ "name" "DATABASE_URL" "key" "database-url" "optional" false).
*/}}
{{- define "verta.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "verta.secretName" .ctx }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}

{{/*
Checksums of the rendered configuration, so pods roll when it changes.
*/}}
{{- define "verta.configChecksums" -}}
checksum/config: {{ include (print .ctx.Template.BasePath "/configmap.yaml") .ctx | sha256sum }}
checksum/secret: {{ include (print .ctx.Template.BasePath "/secret.yaml") .ctx | sha256sum }}
{{- end }}
