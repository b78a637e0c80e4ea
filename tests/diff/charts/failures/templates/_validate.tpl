{{- define "failures.validate" -}}
{{- if eq .Values.mode "fail" }}
{{- fail "mode=fail: rendering stopped on purpose" }}
{{- end }}
{{- if eq .Values.mode "nested" }}
{{- include "failures.inner" . }}
{{- end }}
{{- end -}}
{{- define "failures.inner" -}}
{{- required "host is required when mode=nested" .Values.host }}
{{- end -}}
