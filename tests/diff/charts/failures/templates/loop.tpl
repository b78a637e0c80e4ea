{{- define "failures.loop" -}}{{ include "failures.loop" . }}{{- end -}}
