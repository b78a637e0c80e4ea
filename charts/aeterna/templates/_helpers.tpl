{{/*
The chart name, overridable, cut to 63 characters because label values and DNS labels may not
be longer.
*/}}
{{- define "aeterna.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The prefix of every object name. A release already named after the chart is used as is, so
`helm install aeterna` yields `aeterna`, not `aeterna-aeterna`; 63 characters for DNS names.
*/}}
{{- define "aeterna.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The helm.sh/chart label: name and version, with `+` (not allowed in label values) replaced.
*/}}
{{- define "aeterna.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object, so `kubectl get all -l app.kubernetes.io/instance=...` finds them.
*/}}
{{- define "aeterna.labels" -}}
helm.sh/chart: {{ include "aeterna.chart" . }}
{{ include "aeterna.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Labels that identify this release's Aeterna pods of every kind (server, migration, test). They
never change after install, because Deployment selectors are immutable; dependency
NetworkPolicies admit exactly these pods.
*/}}
{{- define "aeterna.selectorLabels" -}}
app.kubernetes.io/name: {{ include "aeterna.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Selector of the API server pods only: migration and test pods share the release labels but must
not receive Service traffic.
*/}}
{{- define "aeterna.serverSelectorLabels" -}}
{{ include "aeterna.selectorLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{/*
The ServiceAccount the pods run as: the chart's own when it creates one, else the named or
the namespace default.
*/}}
{{- define "aeterna.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "aeterna.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The Aeterna image: registry prefix, then a digest when given (immutable), else the tag, which
defaults to `v` + appVersion as the project tags its releases.
*/}}
{{- define "aeterna.image" -}}
{{- $img := .Values.aeterna.image }}
{{- $repo := $img.repository }}
{{- with .Values.global.imageRegistry }}
{{- $repo = printf "%s/%s" (trimSuffix "/" .) $repo }}
{{- end }}
{{- if $img.digest }}
{{- printf "%s@%s" $repo $img.digest }}
{{- else }}
{{- printf "%s:%s" $repo (default (printf "v%s" .Chart.AppVersion) $img.tag) }}
{{- end }}
{{- end }}

{{/*
Object name of a subchart as the official charts compute it (helm create's fullname rule, with
the dependency's alias as chart name): `fullnameOverride`, else the release name when it
already contains the name, else <release>-<name>. Called with (dict "ctx" $ "values" <subchart
values> "name" <chart name or alias>).
*/}}
{{- define "aeterna.subchartFullname" -}}
{{- if .values.fullnameOverride }}
{{- .values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .name .values.nameOverride }}
{{- if contains $name .ctx.Release.Name }}
{{- .ctx.Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .ctx.Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The `app.kubernetes.io/name` label value a subchart puts on its pods.
*/}}
{{- define "aeterna.subchartName" -}}
{{- default .name .values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Bundled Redis (Dragonfly, aliased `redis`): its Service name.
*/}}
{{- define "aeterna.redis.host" -}}
{{- if .Values.redis.enabled }}
{{- include "aeterna.subchartFullname" (dict "ctx" . "values" .Values.redis "name" "redis") }}
{{- else }}
{{- .Values.redis.external.host }}
{{- end }}
{{- end }}

{{- define "aeterna.redis.port" -}}
{{- if .Values.redis.enabled }}
{{- dig "service" "port" 6379 .Values.redis }}
{{- else }}
{{- .Values.redis.external.port }}
{{- end }}
{{- end }}

{{/*
Bundled Qdrant: its Service name (the official chart names it with its fullname).
*/}}
{{- define "aeterna.qdrant.host" -}}
{{- if .Values.qdrant.enabled }}
{{- include "aeterna.subchartFullname" (dict "ctx" . "values" .Values.qdrant "name" "qdrant") }}
{{- else }}
{{- .Values.qdrant.external.host }}
{{- end }}
{{- end }}

{{- define "aeterna.qdrant.port" -}}
{{- if .Values.qdrant.enabled }}6333{{ else }}{{ .Values.qdrant.external.port }}{{ end }}
{{- end }}

{{- define "aeterna.qdrant.grpcPort" -}}
{{- if .Values.qdrant.enabled }}6334{{ else }}{{ .Values.qdrant.external.grpcPort }}{{ end }}
{{- end }}

{{- define "aeterna.qdrant.scheme" -}}
{{- if .Values.qdrant.enabled }}http{{ else }}{{ .Values.qdrant.external.scheme }}{{ end }}
{{- end }}

{{/*
Name of the CloudNativePG Cluster; the operator derives `<name>-rw` (read-write Service) and
`<name>-app` (app user's Secret) from it, and pod names `<name>-N`, hence the shorter limit.
*/}}
{{- define "aeterna.postgresql.clusterName" -}}
{{- printf "%s-postgresql" (include "aeterna.fullname" .) | trunc 50 | trimSuffix "-" }}
{{- end }}

{{- define "aeterna.postgresql.host" -}}
{{- if .Values.postgresql.enabled }}
{{- printf "%s-rw" (include "aeterna.postgresql.clusterName" .) }}
{{- else }}
{{- .Values.postgresql.external.host }}
{{- end }}
{{- end }}

{{- define "aeterna.postgresql.port" -}}
{{- if .Values.postgresql.enabled }}5432{{ else }}{{ .Values.postgresql.external.port }}{{ end }}
{{- end }}

{{- define "aeterna.postgresql.database" -}}
{{- if .Values.postgresql.enabled }}{{ .Values.postgresql.cluster.database }}{{ else }}{{ .Values.postgresql.external.database }}{{ end }}
{{- end }}

{{/*
Whether this release installs the CloudNativePG operator: the same rule as the dependency's
condition (postgresql.operator.install when set, else postgresql.enabled). Prints "true" or "".
*/}}
{{- define "aeterna.postgresql.operatorBundled" -}}
{{- if hasKey .Values.postgresql.operator "install" }}
{{- if .Values.postgresql.operator.install }}true{{ end }}
{{- else if .Values.postgresql.enabled }}true{{ end }}
{{- end }}

{{/*
Whether the Cluster is rendered. An operator installed by this same release cannot validate a
Cluster in the first install (its CRD and webhook do not exist yet), so then the Cluster waits
until the API is served: the next `helm upgrade`, or the next Argo CD/Flux sync. Prints "true" or "".
*/}}
{{- define "aeterna.postgresql.renderCluster" -}}
{{- if .Values.postgresql.enabled }}
{{- if or (not (include "aeterna.postgresql.operatorBundled" .)) .Values.postgresql.cluster.force (.Capabilities.APIVersions.Has "postgresql.cnpg.io/v1") }}true{{ end }}
{{- end }}
{{- end }}

{{/*
Secret and key holding the PostgreSQL password (and user for the bundled database), as
"secret key" pairs, or "" when external PostgreSQL has no password.
*/}}
{{- define "aeterna.postgresql.passwordSecret" -}}
{{- if .Values.postgresql.enabled }}
{{- printf "%s-app" (include "aeterna.postgresql.clusterName" .) }}
{{- else if .Values.postgresql.external.existingSecret }}
{{- .Values.postgresql.external.existingSecret }}
{{- else if .Values.postgresql.external.password }}
{{- printf "%s-postgresql" (include "aeterna.fullname" .) }}
{{- end }}
{{- end }}

{{- define "aeterna.postgresql.passwordKey" -}}
{{- if .Values.postgresql.enabled }}password
{{- else if .Values.postgresql.external.existingSecret }}{{ .Values.postgresql.external.existingSecretPasswordKey }}
{{- else }}password{{ end }}
{{- end }}

{{/*
Name of the Secret holding the app's own secrets (KMS key, LLM keys) when the chart renders one.
*/}}
{{- define "aeterna.secretName" -}}
{{- default (include "aeterna.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/*
Name of the Secret holding the generated local KMS key.
*/}}
{{- define "aeterna.kmsSecretName" -}}
{{- printf "%s-kms" (include "aeterna.fullname" .) }}
{{- end }}

{{/*
Where AETERNA_LOCAL_KMS_KEY comes from: "existing", "value", "generated" or "" (not used).
*/}}
{{- define "aeterna.kmsSource" -}}
{{- if eq .Values.aeterna.kms.provider "local" }}
{{- if .Values.secrets.existingSecret }}existing
{{- else if .Values.secrets.localKmsKey }}value
{{- else if .Values.secrets.generateLocalKmsKey }}generated
{{- end }}
{{- end }}
{{- end }}

{{/*
Qdrant API key Secret name, or "" when Qdrant runs without a key.
*/}}
{{- define "aeterna.qdrant.apiKeySecret" -}}
{{- if .Values.qdrant.existingSecret }}
{{- .Values.qdrant.existingSecret }}
{{- else if and (not .Values.qdrant.enabled) .Values.qdrant.external.apiKey }}
{{- include "aeterna.fullname" . }}
{{- end }}
{{- end }}

{{- define "aeterna.qdrant.apiKeyKey" -}}
{{- if .Values.qdrant.existingSecret }}{{ .Values.qdrant.existingSecretKey }}{{ else }}QDRANT_API_KEY{{ end }}
{{- end }}

{{/*
Whether the chart renders its app Secret: no existingSecret and at least one value to hold.
Prints "true" or "".
*/}}
{{- define "aeterna.renderSecret" -}}
{{- $s := .Values.secrets }}
{{- $qdrantKey := and (not .Values.qdrant.enabled) (not .Values.qdrant.existingSecret) .Values.qdrant.external.apiKey }}
{{- if and (not $s.existingSecret) (or (eq (include "aeterna.kmsSource" .) "value") $s.openaiApiKey $s.anthropicApiKey) }}true
{{- else if $qdrantKey }}true
{{- end }}
{{- end }}

{{/*
Environment of the PostgreSQL connection, shared by the server and the migration Job.
*/}}
{{- define "aeterna.env.postgresql" -}}
- name: PG_HOST
  value: {{ include "aeterna.postgresql.host" . | quote }}
- name: PG_PORT
  value: {{ include "aeterna.postgresql.port" . | quote }}
- name: PG_DATABASE
  value: {{ include "aeterna.postgresql.database" . | quote }}
{{- if .Values.postgresql.enabled }}
- name: PG_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "aeterna.postgresql.passwordSecret" . }}
      key: username
{{- else }}
- name: PG_USERNAME
  value: {{ .Values.postgresql.external.username | quote }}
{{- end }}
{{- with include "aeterna.postgresql.passwordSecret" . }}
- name: PG_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ include "aeterna.postgresql.passwordKey" $ }}
{{- end }}
- name: PG_POOL_SIZE
  value: {{ .Values.aeterna.config.pgPoolSize | quote }}
{{- end }}

{{/*
A Kubernetes quantity ("250m", "2Gi", 1.5, "1e3" is not accepted) as a plain number in base
units, for comparing requests with limits. Fails on anything it cannot read.
*/}}
{{- define "aeterna.quantity" -}}
{{- $q := toString .quantity | trim }}
{{- $number := regexFind "^[0-9]+(\\.[0-9]+)?" $q }}
{{- $suffix := trimPrefix $number $q }}
{{- $factors := dict "" 1 "m" 0.001 "k" 1000 "M" 1000000 "G" 1000000000 "T" 1000000000000 "P" 1000000000000000 "E" 1000000000000000000 "Ki" 1024 "Mi" 1048576 "Gi" 1073741824 "Ti" 1099511627776 "Pi" 1125899906842624 "Ei" 1152921504606846976 }}
{{- if or (not $number) (not (hasKey $factors $suffix)) }}
{{- fail (printf "%s (%s) is not a Kubernetes quantity such as 500m, 2, 512Mi or 4Gi" .path $q) }}
{{- end }}
{{- mulf $number (index $factors $suffix) }}
{{- end }}

{{/*
Fails when requests or limits are missing (when required) or a limit is below its request.
Called with (dict "resources" <map> "path" "<values path>" "required" <bool>).
*/}}
{{- define "aeterna.validateResources" -}}
{{- $r := .resources | default dict }}
{{- $requests := $r.requests | default dict }}
{{- $limits := $r.limits | default dict }}
{{- if .required }}
{{- range $kind := list "requests" "limits" }}
{{- range $res := list "cpu" "memory" }}
{{- if not (index ($r | default dict) $kind | default dict | dig $res "") }}
{{- fail (printf "%s.%s.%s is required: the chart always sets requests and limits" $.path $kind $res) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- range $res := list "cpu" "memory" }}
{{- $req := index $requests $res }}
{{- $lim := index $limits $res }}
{{- if and $req $lim }}
{{- $reqN := include "aeterna.quantity" (dict "quantity" $req "path" (printf "%s.requests.%s" $.path $res)) | float64 }}
{{- $limN := include "aeterna.quantity" (dict "quantity" $lim "path" (printf "%s.limits.%s" $.path $res)) | float64 }}
{{- if lt $limN $reqN }}
{{- fail (printf "%s.limits.%s (%v) is below %s.requests.%s (%v)" $.path $res $lim $.path $res $req) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
