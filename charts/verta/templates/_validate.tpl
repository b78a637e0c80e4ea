{{/*
Checks the values before anything renders; each message names the value to set and why.
Rules JSON Schema can express are in values.schema.json too.
*/}}
{{- define "verta.validate" -}}
{{- $v := .Values }}
{{- if not $v.secrets.existingSecret }}
{{- if not $v.secrets.databaseUrl }}
{{- fail "secrets.databaseUrl is required: the TiDB connection URL (mysql://USER:PASSWORD@HOST:4000/DB), or set secrets.existingSecret to a Secret holding the key database-url" }}
{{- end }}
{{- if not (hasPrefix "mysql://" $v.secrets.databaseUrl) }}
{{- fail "secrets.databaseUrl must be a mysql:// URL (TiDB speaks the MySQL protocol, port 4000)" }}
{{- end }}
{{- if not $v.secrets.discordToken }}
{{- fail "secrets.discordToken is required: the Discord bot token, or set secrets.existingSecret to a Secret holding the key discord-bot-token" }}
{{- end }}
{{- end }}
{{- if not $v.frontend.tenantSlug }}
{{- fail "frontend.tenantSlug is required: the slug of the tenant this frontend serves (NEXT_PUBLIC_TENANT_SLUG)" }}
{{- end }}
{{- if eq (toString $v.backend.nodeEnv) "test" }}
{{- fail "backend.nodeEnv must not be test: in test mode the backend skips migrations, Discord and its workers" }}
{{- end }}
{{- if and (gt (int $v.backend.replicas) 1) (not $v.backend.acknowledgeMultipleReplicas) }}
{{- fail (printf "backend.replicas is %d: every backend pod logs in to Discord with the same bot token and runs the job schedulers, so 2+ pods open duplicate Discord sessions. Keep 1, or set backend.acknowledgeMultipleReplicas=true to accept that" (int $v.backend.replicas)) }}
{{- end }}
{{- if and $v.backend.autoscaling.enabled (gt (int $v.backend.autoscaling.maxReplicas) 1) (not $v.backend.acknowledgeMultipleReplicas) }}
{{- fail (printf "backend.autoscaling.maxReplicas is %d: the HPA could start 2+ backend pods, which open duplicate Discord sessions. Keep it at 1, or set backend.acknowledgeMultipleReplicas=true to accept that" (int $v.backend.autoscaling.maxReplicas)) }}
{{- end }}
{{- range $component := list "backend" "frontend" "ml" }}
{{- $digest := (index $v $component).image.digest }}
{{- if and $digest (not (regexMatch "^sha256:[0-9a-f]{64}$" (toString $digest))) }}
{{- fail (printf "%s.image.digest must be an image digest like sha256:<64 hex digits> (docker buildx imagetools inspect IMAGE:TAG prints it), not %q" $component (toString $digest)) }}
{{- end }}
{{- $hpa := (index $v $component).autoscaling }}
{{- if and $hpa.enabled (gt (int $hpa.minReplicas) (int $hpa.maxReplicas)) }}
{{- fail (printf "%s.autoscaling.minReplicas (%d) is greater than %s.autoscaling.maxReplicas (%d)" $component (int $hpa.minReplicas) $component (int $hpa.maxReplicas)) }}
{{- end }}
{{- end }}
{{- if not (has $v.migrations.mode (list "atStartup" "job")) }}
{{- fail (printf "migrations.mode must be atStartup or job, not %q" (toString $v.migrations.mode)) }}
{{- end }}
{{- if and (eq $v.migrations.mode "job") (not $v.migrations.job.command) }}
{{- fail "migrations.job.command is required when migrations.mode is job: the published backend image has no standalone migrate command (npm run migrate:deploy does not exist; it migrates at start). Use mode atStartup, or give the command your image provides" }}
{{- end }}
{{- if and $v.ingress.enabled (not $v.global.domain) }}
{{- fail "global.domain is required when ingress.enabled is true: it is the Ingress host" }}
{{- end }}
{{- if hasKey $v.redis "persistence" }}
{{- fail "redis.persistence is not read by the Redis chart: set redis.master.persistence.enabled and redis.master.persistence.size instead" }}
{{- end }}
{{- if $v.redis.enabled }}
{{- if and $v.redis.auth.enabled (not $v.redis.auth.existingSecret) }}
{{- fail "redis.auth.existingSecret must name the Secret holding the Redis password (its default names the Secret this chart creates)" }}
{{- end }}
{{- else }}
{{- if not $v.redis.external.host }}
{{- fail "redis.external.host is required when redis.enabled is false: the host name of your Redis" }}
{{- end }}
{{- end }}
{{- end }}
