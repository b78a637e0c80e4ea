{{/*
Every configuration that renders but cannot run stops here, with a message naming the value to
change. Included once, from deployment.yaml, so each rule fires once.
*/}}
{{- define "aeterna.validate" -}}
{{- $v := .Values }}
{{- $replicas := int $v.aeterna.replicas }}
{{- if and (or (gt $replicas 1) $v.autoscaling.enabled) (not $v.redis.enabled) (not $v.redis.external.host) }}
{{- if $v.autoscaling.enabled }}
{{- fail "autoscaling.enabled=true runs several Aeterna replicas, which requires Redis: set redis.enabled=true or redis.external.host" }}
{{- else }}
{{- fail (printf "aeterna.replicas=%d requires Redis (replicas share state through it): set redis.enabled=true or redis.external.host" $replicas) }}
{{- end }}
{{- end }}
{{- if and (not $v.redis.enabled) (not $v.redis.external.host) }}
{{- fail "redis.external.host is required when redis.enabled=false (Aeterna does not start without Redis)" }}
{{- end }}
{{- if and (not $v.postgresql.enabled) (not $v.postgresql.external.host) }}
{{- fail "postgresql.external.host is required when postgresql.enabled=false" }}
{{- end }}
{{- if and (not $v.postgresql.enabled) (not $v.postgresql.external.username) }}
{{- fail "postgresql.external.username is required when postgresql.enabled=false" }}
{{- end }}
{{- if and (not $v.qdrant.enabled) (not $v.qdrant.external.host) }}
{{- fail "qdrant.external.host is required when qdrant.enabled=false" }}
{{- end }}
{{- if and (not $v.qdrant.enabled) (not (has $v.qdrant.external.scheme (list "http" "https"))) }}
{{- fail (printf "qdrant.external.scheme must be http or https, not %q" (toString $v.qdrant.external.scheme)) }}
{{- end }}
{{- include "aeterna.validateResources" (dict "resources" $v.aeterna.resources "path" "aeterna.resources" "required" true) }}
{{- if $v.migrations.enabled }}
{{- include "aeterna.validateResources" (dict "resources" $v.migrations.resources "path" "migrations.resources" "required" true) }}
{{- end }}
{{- include "aeterna.validateResources" (dict "resources" $v.tests.resources "path" "tests.resources" "required" true) }}
{{- if $v.postgresql.enabled }}
{{- include "aeterna.validateResources" (dict "resources" $v.postgresql.cluster.resources "path" "postgresql.cluster.resources" "required" false) }}
{{- end }}
{{- if $v.redis.enabled }}
{{- include "aeterna.validateResources" (dict "resources" $v.redis.resources "path" "redis.resources" "required" false) }}
{{- end }}
{{- if $v.autoscaling.enabled }}
{{- if gt (int $v.autoscaling.minReplicas) (int $v.autoscaling.maxReplicas) }}
{{- fail (printf "autoscaling.minReplicas (%d) is above autoscaling.maxReplicas (%d)" (int $v.autoscaling.minReplicas) (int $v.autoscaling.maxReplicas)) }}
{{- end }}
{{- end }}
{{- if and $v.podDisruptionBudget.enabled (not $v.autoscaling.enabled) (not (kindIs "string" $v.podDisruptionBudget.minAvailable)) }}
{{- if ge (int $v.podDisruptionBudget.minAvailable) $replicas }}
{{- fail (printf "podDisruptionBudget.minAvailable (%d) must be below aeterna.replicas (%d), or no node could ever be drained: raise aeterna.replicas or set podDisruptionBudget.enabled=false" (int $v.podDisruptionBudget.minAvailable) $replicas) }}
{{- end }}
{{- end }}
{{- if not (has $v.aeterna.kms.provider (list "local" "aws")) }}
{{- fail (printf "aeterna.kms.provider must be local or aws, not %q" (toString $v.aeterna.kms.provider)) }}
{{- end }}
{{- if and (eq $v.aeterna.kms.provider "aws") (not $v.aeterna.kms.awsKeyArn) }}
{{- fail "aeterna.kms.awsKeyArn is required when aeterna.kms.provider=aws" }}
{{- end }}
{{- if and (eq $v.aeterna.kms.provider "local") (not (include "aeterna.kmsSource" .)) }}
{{- fail "aeterna.kms.provider=local needs a key: set secrets.localKmsKey, secrets.existingSecret or secrets.generateLocalKmsKey=true" }}
{{- end }}
{{- if and $v.secrets.localKmsKey (not (regexMatch "^[A-Za-z0-9+/]{43}=$" $v.secrets.localKmsKey)) }}
{{- fail "secrets.localKmsKey must be the base64 encoding of 32 bytes (44 characters ending in =), e.g. from `openssl rand -base64 32`" }}
{{- end }}
{{- if and $v.ingress.enabled (not $v.ingress.hosts) }}
{{- fail "ingress.hosts needs at least one host when ingress.enabled=true" }}
{{- end }}
{{- if eq (int $v.service.port) (int $v.service.metricsPort) }}
{{- fail (printf "service.port and service.metricsPort must differ (both %d)" (int $v.service.port)) }}
{{- end }}
{{- with $v.migrations.hooks }}
{{- range splitList "," . }}
{{- if not (has (trim .) (list "pre-install" "post-install" "pre-upgrade" "post-upgrade")) }}
{{- fail (printf "migrations.hooks: %q is not one of pre-install, post-install, pre-upgrade, post-upgrade" (trim .)) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
