{{/*
Chart name, overridable; truncated to 63 characters because Kubernetes names and label values are
DNS-1123 labels.
*/}}
{{- define "verta.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name prefix of every resource: the release name, plus the chart name unless the release name
already contains it ("verta" gives verta-backend, "prod" gives prod-verta-backend). Truncated to 52
characters so the longest suffix ("-frontend", "-migrations") still fits in 63.
*/}}
{{- define "verta.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart label value (name-version); "+" is not allowed in label values.
*/}}
{{- define "verta.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Standard labels of every resource. Call with (dict "ctx" $ "component" "backend").
*/}}
{{- define "verta.labels" -}}
helm.sh/chart: {{ include "verta.chart" .ctx }}
{{ include "verta.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: verta
{{- end }}

{{/*
Selector labels: stable for the life of a release (Deployment selectors are immutable).
Call with (dict "ctx" $ "component" "backend").
*/}}
{{- define "verta.selectorLabels" -}}
app.kubernetes.io/name: {{ include "verta.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "verta.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "verta.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference of a component: [global.imageRegistry/]repository@digest when a digest is given
(the digest names exactly one image, so it wins over the tag), else repository:tag with the tag
defaulting to the chart's appVersion, the Verta release this chart version was made for.
Call with (dict "ctx" $ "image" .Values.backend.image).
*/}}
{{- define "verta.image" -}}
{{- $registry := .ctx.Values.global.imageRegistry }}
{{- $ref := "" }}
{{- if .image.digest }}
{{- $ref = printf "%s@%s" .image.repository (toString .image.digest) }}
{{- else }}
{{- $ref = printf "%s:%s" .image.repository (toString (default .ctx.Chart.AppVersion .image.tag)) }}
{{- end }}
{{- if $registry }}
{{- printf "%s/%s" (trimSuffix "/" $registry) $ref }}
{{- else }}
{{- $ref }}
{{- end }}
{{- end }}

{{/*
Name of the Secret holding the application secrets: the user's existingSecret, or the chart's own.
*/}}
{{- define "verta.secretName" -}}
{{- default (include "verta.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/*
Service host names inside the namespace.
*/}}
{{- define "verta.backend.fullname" -}}
{{- printf "%s-backend" (include "verta.fullname" .) }}
{{- end }}

{{/*
"true" when the backend may run as a single pod: its replica count, or the HPA's minReplicas,
is at most 1. Such a pod gets no PodDisruptionBudget (it would block every node drain) and its
Deployment says why it accepts running alone.
*/}}
{{- define "verta.backend.singleton" -}}
{{- $backend := .Values.backend }}
{{- $minReplicas := $backend.replicas }}
{{- if $backend.autoscaling.enabled }}
{{- $minReplicas = $backend.autoscaling.minReplicas }}
{{- end }}
{{- le (int $minReplicas) 1 }}
{{- end }}

{{- define "verta.frontend.fullname" -}}
{{- printf "%s-frontend" (include "verta.fullname" .) }}
{{- end }}

{{- define "verta.ml.fullname" -}}
{{- printf "%s-ml" (include "verta.fullname" .) }}
{{- end }}

{{/*
Full name the Bitnami redis chart gives its resources (its common.names.fullname, computed from
the values this chart passes it): release name, plus "-redis" unless the release name contains it.
*/}}
{{- define "verta.redis.bundledFullname" -}}
{{- if .Values.redis.fullnameOverride }}
{{- .Values.redis.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default "redis" .Values.redis.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Redis host the backend connects to: the bundled chart's primary ("-master") Service, or the
external host.
*/}}
{{- define "verta.redis.host" -}}
{{- if .Values.redis.enabled }}
{{- printf "%s-master" (include "verta.redis.bundledFullname" .) | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- .Values.redis.external.host }}
{{- end }}
{{- end }}

{{- define "verta.redis.port" -}}
{{- if .Values.redis.enabled }}6379{{ else }}{{ .Values.redis.external.port }}{{ end }}
{{- end }}

{{/*
Secret name and key of the Redis password, or nothing when Redis runs without one.
Bundled: the Secret named by redis.auth.existingSecret (a template), which this chart creates
unless createSecret is false. External: redis.external.existingSecret, else the app Secret when a
password is given, else the app existingSecret (which may hold redis-password).
*/}}
{{- define "verta.redis.passwordSecretName" -}}
{{- if .Values.redis.enabled }}
{{- if .Values.redis.auth.enabled }}
{{- tpl .Values.redis.auth.existingSecret . }}
{{- end }}
{{- else if .Values.redis.external.existingSecret }}
{{- .Values.redis.external.existingSecret }}
{{- else if .Values.redis.external.password }}
{{- include "verta.secretName" . }}
{{- end }}
{{- end }}

{{- define "verta.redis.passwordSecretKey" -}}
{{- if .Values.redis.enabled }}
{{- default "redis-password" .Values.redis.auth.existingSecretPasswordKey }}
{{- else if .Values.redis.external.existingSecret }}
{{- default "redis-password" .Values.redis.external.existingSecretPasswordKey }}
{{- else }}
{{- print "redis-password" }}
{{- end }}
{{- end }}

{{/*
A secret value that survives upgrades: the value given in values, else the one already stored in
the release's Secret (read with lookup, empty during `helm template`), else a new random one.
Call with (dict "ctx" $ "secret" NAME "key" KEY "value" GIVEN "length" N).
*/}}
{{- define "verta.persistentSecretValue" -}}
{{- if .value }}
{{- .value }}
{{- else }}
{{- $existing := lookup "v1" "Secret" .ctx.Release.Namespace .secret }}
{{- $stored := "" }}
{{- if $existing }}
{{- $stored = index (default (dict) $existing.data) .key | default "" | b64dec }}
{{- end }}
{{- if $stored }}
{{- $stored }}
{{- else }}
{{- randAlphaNum (int .length) }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Pod volumes shared by every component: a writable /tmp under the read-only root filesystem.
*/}}
{{- define "verta.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 1Gi
{{- end }}

{{/*
Pull secrets of the Verta pods.
*/}}
{{- define "verta.imagePullSecrets" -}}
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}
