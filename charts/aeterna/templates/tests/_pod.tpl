{{/*
One `helm test` pod: a busybox probe with the release's Aeterna labels (which the chart's
NetworkPolicies admit), hardened like the app. Called with (dict "ctx" $ "name" <suffix>
"script" <shell script>).
*/}}
{{- define "aeterna.testPod" -}}
{{- $ := .ctx }}
apiVersion: v1
kind: Pod
metadata:
  name: {{ include "aeterna.fullname" $ }}-test-{{ .name }}
  labels:
    {{- include "aeterna.labels" $ | nindent 4 }}
    app.kubernetes.io/component: test
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  restartPolicy: Never
  automountServiceAccountToken: false
  securityContext:
    {{- toYaml $.Values.aeterna.podSecurityContext | nindent 4 }}
  containers:
    - name: {{ .name }}
      image: {{ $.Values.tests.image | quote }}
      command:
        - sh
        - -c
        - {{ .script | quote }}
      resources:
        {{- toYaml $.Values.tests.resources | nindent 8 }}
      securityContext:
        {{- toYaml $.Values.aeterna.securityContext | nindent 8 }}
{{- end }}
