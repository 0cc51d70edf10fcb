{{/* Names ------------------------------------------------------------------------------------------------------ */}}

{{- define "lanyard.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "lanyard.fullname" -}}
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

{{/* The name of one service's objects: <fullname>-<service>. Call with (dict "root" $ "service" "token"). */}}
{{- define "lanyard.serviceName" -}}
{{- printf "%s-%s" (include "lanyard.fullname" .root | trunc 50 | trimSuffix "-") .service }}
{{- end }}

{{- define "lanyard.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "lanyard.hazelcastServiceName" -}}
{{- printf "%s-hazelcast" (include "lanyard.fullname" . | trunc 53 | trimSuffix "-") }}
{{- end }}

{{/* The headless Service's DNS name: it resolves to every member pod, ready or not. */}}
{{- define "lanyard.hazelcastDns" -}}
{{- printf "%s.%s.svc.%s" (include "lanyard.hazelcastServiceName" .) .Release.Namespace .Values.clusterDomain }}
{{- end }}

{{- define "lanyard.configMapName" -}}
{{- printf "%s-config" (include "lanyard.fullname" .) }}
{{- end }}

{{- define "lanyard.secretName" -}}
{{- if .Values.postgres.existingSecret }}
{{- .Values.postgres.existingSecret }}
{{- else }}
{{- printf "%s-secret" (include "lanyard.fullname" .) }}
{{- end }}
{{- end }}

{{/* The Secret holding the operator API's credentials: admin.existingSecret, or the chart's own. */}}
{{- define "lanyard.adminSecretName" -}}
{{- if .Values.admin.existingSecret }}
{{- .Values.admin.existingSecret }}
{{- else }}
{{- printf "%s-admin" (include "lanyard.fullname" .) }}
{{- end }}
{{- end }}

{{/* Whether the chart renders an admin Secret of its own (some credential set in values, none existing). */}}
{{- define "lanyard.adminSecretRendered" -}}
{{- if and (not .Values.admin.existingSecret) (or .Values.admin.tokenHash .Values.admin.user .Values.admin.passwordHash) }}true{{- end }}
{{- end }}

{{/*
The operator API's credentials for the pod that serves it (the projector's: the API is mounted with the projection
service). Optional references: a Secret may hold the token hash, the user and password hash, or both.
*/}}
{{- define "lanyard.adminEnv" -}}
{{- $admin := .Values.admin }}
{{- if and $admin.user (not $admin.passwordHash) }}
{{- fail "admin.user needs admin.passwordHash (`lanyard admin hash-password` prints one)" }}
{{- end }}
{{- if and $admin.passwordHash (not $admin.user) }}
{{- fail "admin.passwordHash needs admin.user" }}
{{- end }}
{{- if or $admin.existingSecret (include "lanyard.adminSecretRendered" .) }}
{{- range $variable, $key := dict "LANYARD_ADMIN_TOKEN_HASH" "tokenHash" "LANYARD_ADMIN_USER" "user" "LANYARD_ADMIN_PASSWORD_HASH" "passwordHash" }}
- name: {{ $variable }}
  valueFrom:
    secretKeyRef:
      name: {{ include "lanyard.adminSecretName" $ }}
      key: {{ $key }}
      optional: true
{{- end }}
{{- end }}
{{- end }}

{{- define "lanyard.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "lanyard.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Labels -------------------------------------------------------------------------------------------------------- */}}

{{- define "lanyard.selectorLabels" -}}
app.kubernetes.io/name: {{ include "lanyard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "lanyard.labels" -}}
helm.sh/chart: {{ include "lanyard.chart" . }}
{{ include "lanyard.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: lanyard
{{- end }}

{{/* Call with (dict "root" $ "service" "token"). */}}
{{- define "lanyard.serviceSelectorLabels" -}}
{{ include "lanyard.selectorLabels" .root }}
app.kubernetes.io/component: {{ .service }}
{{- end }}

{{- define "lanyard.serviceLabels" -}}
{{ include "lanyard.labels" .root }}
app.kubernetes.io/component: {{ .service }}
{{- end }}

{{/* Values derived from others ------------------------------------------------------------------------------------ */}}

{{- define "lanyard.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{- define "lanyard.issuer" -}}
{{- if .Values.issuer }}
{{- .Values.issuer }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) (first .Values.ingress.hosts) }}
{{- else }}
{{- fail "set issuer: the public base URL clients use (or enable the ingress with a host)" }}
{{- end }}
{{- end }}

{{- define "lanyard.pdbMaxUnavailable" -}}
{{- if ne (toString .Values.podDisruptionBudget.maxUnavailable) "" }}
{{- .Values.podDisruptionBudget.maxUnavailable }}
{{- else }}
{{- max 1 (int .Values.hazelcast.backupCount) }}
{{- end }}
{{- end }}

{{/*
lanyard.yaml: the chart's settings, then .Values.config merged over them. Only keys of lanyard-defaults.yaml.
The HTTP host and the Hazelcast bind address and members are per pod and come from the environment instead.
*/}}
{{- define "lanyard.configFile" -}}
{{- $kafka := .Values.kafka -}}
{{- if or (not $kafka.bootstrapServers) (eq (toString $kafka.bootstrapServers) "embedded") }}
{{- fail "kafka.bootstrapServers must name an external Kafka cluster (host:port,...): the chart runs no broker" }}
{{- end }}
{{- $config := dict
  "issuer" (include "lanyard.issuer" .)
  "http" (dict "port" (int .Values.service.port))
  "management" (dict "enabled" true "port" (int .Values.management.port))
  "postgres" (dict
    "host" .Values.postgres.host
    "port" (int .Values.postgres.port)
    "database" .Values.postgres.database
    "user" .Values.postgres.user
    "poolSize" (int .Values.postgres.poolSize)
    "createDatabase" .Values.postgres.createDatabase)
  "kafka" (dict
    "bootstrapServers" (toString $kafka.bootstrapServers)
    "topic" $kafka.topic
    "partitions" (int $kafka.partitions)
    "replicationFactor" (int $kafka.replicationFactor)
    "publishTimeoutMs" (int $kafka.publishTimeoutMs))
  "hazelcast" (dict
    "mode" "embedded"
    "clusterName" .Values.hazelcast.clusterName
    "port" (int .Values.hazelcast.port)
    "backupCount" (int .Values.hazelcast.backupCount))
  "durability" .Values.durability
-}}
{{- if eq (int .Values.management.port) (int .Values.service.port) }}
{{- fail "management.port must differ from service.port: /metrics must not be served on the service port" }}
{{- end }}
{{- if hasKey (default dict .Values.config.postgres) "password" }}
{{- fail "put the Postgres password in postgres.password or postgres.existingSecret, not in config (the ConfigMap is not secret)" }}
{{- end }}
{{- toYaml (mergeOverwrite $config (deepCopy .Values.config)) }}
{{- end }}

{{/*
The container's command. pod-addresses: a POSIX shell resolves the headless Service to the member pods' IPs (waiting
a bounded time for one other than this pod's own), exports them as LANYARD_HAZELCAST_MEMBERS and execs Java, so Java
is PID 1's replacement and gets SIGTERM directly. Call with (dict "root" $ "service" "token").
*/}}
{{- define "lanyard.command" -}}
{{- $java := printf "exec java -jar /app/lanyard.jar serve %s --config /etc/lanyard/lanyard.yaml" .service -}}
{{- if eq .root.Values.hazelcast.discovery "pod-addresses" }}
- /bin/sh
- -c
- |
  deadline=$(( $(date +%s) + ${HAZELCAST_DISCOVERY_WAIT_SECONDS:-0} ))
  while :; do
    members=$(getent ahostsv4 "$HAZELCAST_SERVICE_DNS" | awk '{print $1}' | sort -u)
    others=$(printf '%s\n' "$members" | grep -v -x -F "$POD_IP" | grep -c . || true)
    if [ "$others" -gt 0 ] || [ "$(date +%s)" -ge "$deadline" ]; then break; fi
    sleep 1
  done
  LANYARD_HAZELCAST_MEMBERS=$(printf '%s\n%s\n' "$members" "$POD_IP" | grep . | sort -u \
    | sed "s/\$/:$LANYARD_HAZELCAST_PORT/" | paste -s -d, -)
  export LANYARD_HAZELCAST_MEMBERS
  echo "lanyard: hazelcast members $LANYARD_HAZELCAST_MEMBERS" >&2
  {{ $java }}
{{- else if eq .root.Values.hazelcast.discovery "dns-name" }}
- java
- -jar
- /app/lanyard.jar
- serve
- {{ .service }}
- --config
- /etc/lanyard/lanyard.yaml
{{- else }}
{{- fail "hazelcast.discovery must be pod-addresses or dns-name" }}
{{- end }}
{{- end }}
