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

{{/* The Secret holding the master key: keys.existingSecret, else <fullname>-keys (the chart's, or one you made). */}}
{{- define "lanyard.keysSecretName" -}}
{{- if .Values.keys.existingSecret }}
{{- .Values.keys.existingSecret }}
{{- else }}
{{- printf "%s-keys" (include "lanyard.fullname" .) }}
{{- end }}
{{- end }}

{{/* Whether the chart renders the master-key Secret itself (keys.masterKey given, no existing Secret named). */}}
{{- define "lanyard.keysSecretRendered" -}}
{{- $keys := .Values.keys }}
{{- if and $keys.masterKey $keys.existingSecret }}
{{- fail "set keys.masterKey or keys.existingSecret, not both" }}
{{- end }}
{{- if and $keys.previousMasterKeys (not $keys.masterKey) }}
{{- fail "keys.previousMasterKeys are written into the chart's Secret with keys.masterKey; with keys.existingSecret put them in that Secret and name their key in keys.previousMasterKeysKey" }}
{{- end }}
{{- range $i, $key := (prepend (default list $keys.previousMasterKeys) $keys.masterKey) }}
{{- if and $key (ne (len (b64dec (toString $key))) 32) }}
{{- fail "keys.masterKey and keys.previousMasterKeys must be base64 of 32 bytes (`lanyard admin new-master-key` prints one)" }}
{{- end }}
{{- end }}
{{- if $keys.masterKey }}true{{- end }}
{{- end }}

{{/* The Secret's key of the previous master keys, if any: the chart's own, or keys.previousMasterKeysKey. */}}
{{- define "lanyard.previousMasterKeysKey" -}}
{{- if and (include "lanyard.keysSecretRendered" .) .Values.keys.previousMasterKeys }}previous-master-keys
{{- else if not .Values.keys.masterKey }}{{ .Values.keys.previousMasterKeysKey }}
{{- end }}
{{- end }}

{{/* Where the Postgres root certificate is mounted, when one is configured. */}}
{{- define "lanyard.postgresRootCertPath" -}}
{{- $ca := .Values.postgres.sslRootCert }}
{{- if and $ca.secretName $ca.configMapName }}
{{- fail "postgres.sslRootCert: set secretName or configMapName, not both" }}
{{- end }}
{{- if or $ca.secretName $ca.configMapName }}
{{- printf "/etc/lanyard/postgres-ca/%s" $ca.key }}
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
  "http" (dict
    "port" (int .Values.service.port)
    "shutdownDelaySeconds" (int .Values.shutdown.delaySeconds)
    "drainTimeoutSeconds" (int .Values.shutdown.drainTimeoutSeconds))
  "management" (dict "enabled" true "port" (int .Values.management.port))
  "postgres" (dict
    "host" .Values.postgres.host
    "port" (int .Values.postgres.port)
    "database" .Values.postgres.database
    "user" .Values.postgres.user
    "poolSize" (int .Values.postgres.poolSize)
    "createDatabase" .Values.postgres.createDatabase
    "sslMode" .Values.postgres.sslMode
    "sslRootCert" (include "lanyard.postgresRootCertPath" .))
  "keys" (dict
    "masterKeyFile" "/etc/lanyard/keys/master-key"
    "previousMasterKeysFile" (ternary "/etc/lanyard/keys/previous-master-keys" "" (ne (include "lanyard.previousMasterKeysKey" .) "")))
  "kafka" (dict
    "bootstrapServers" (toString $kafka.bootstrapServers)
    "topic" $kafka.topic
    "partitions" (int $kafka.partitions)
    "replicationFactor" (int $kafka.replicationFactor)
    "minInsyncReplicas" (int (default 0 $kafka.minInsyncReplicas))
    "publishTimeoutMs" (int $kafka.publishTimeoutMs)
    "security" (include "lanyard.kafkaSecurity" . | fromYaml))
  "hazelcast" (dict
    "mode" "embedded"
    "clusterName" .Values.hazelcast.clusterName
    "port" (int .Values.hazelcast.port)
    "backupCount" (int .Values.hazelcast.backupCount)
    "shutdownTimeoutSeconds" (int .Values.shutdown.hazelcastTimeoutSeconds))
  "durability" .Values.durability
  "login" (dict "attributes" .Values.login.attributes)
  "console" (dict "enabled" .Values.console.enabled)
-}}
{{- if and .Values.console.enabled (not .Values.services.projection.enabled) }}
{{- fail "console.enabled needs services.projection.enabled: the console works through the operator API on the projection pod" }}
{{- end }}
{{- $_ := include "lanyard.ldapCaPath" . }}{{- /* refuses a CA from both a Secret and a ConfigMap, even while off */}}
{{- if .Values.ldap.enabled }}
{{- $_ := set $config "ldap" (include "lanyard.ldapConfig" . | fromYaml) }}
{{- end }}
{{- if eq (int .Values.management.port) (int .Values.service.port) }}
{{- fail "management.port must differ from service.port: /metrics must not be served on the service port" }}
{{- end }}
{{- if not (has .Values.postgres.sslMode (list "disable" "allow" "prefer" "require" "verify-ca" "verify-full")) }}
{{- fail "postgres.sslMode must be one of disable, allow, prefer, require, verify-ca, verify-full" }}
{{- end }}
{{- if and (hasPrefix "verify-" .Values.postgres.sslMode) (not (include "lanyard.postgresRootCertPath" .)) }}
{{- fail "postgres.sslMode verify-ca and verify-full need postgres.sslRootCert.secretName or .configMapName" }}
{{- end }}
{{- if .Values.config.keys }}
{{- fail "keys come from keys.existingSecret or keys.masterKey (a Secret), not from config (the ConfigMap is not secret)" }}
{{- end }}
{{- $configSecurity := default dict (default dict .Values.config.kafka).security }}
{{- range $part := list "truststore" "keystore" "sasl" }}
{{- if hasKey (default dict (index $configSecurity $part)) "password" }}
{{- fail (printf "put the Kafka %s password in a Secret named by kafka.security.%s, not in config (the ConfigMap is not secret)" $part $part) }}
{{- end }}
{{- end }}
{{- range $secret := list "bindPassword" "trustStorePassword" }}
{{- if hasKey (default dict $.Values.config.ldap) $secret }}
{{- fail (printf "put ldap.%s in a Secret (ldap.existingSecret or ldap.bindPassword), not in config (the ConfigMap is not secret)" $secret) }}
{{- end }}
{{- end }}
{{- if hasKey (default dict .Values.config.postgres) "password" }}
{{- fail "put the Postgres password in postgres.password or postgres.existingSecret, not in config (the ConfigMap is not secret)" }}
{{- end }}
{{- $merged := mergeOverwrite $config (deepCopy .Values.config) }}
{{- /* SIGKILL must not come before the node has left Hazelcast: see "shutdown" in values.yaml */}}
{{- $stop := add $merged.http.shutdownDelaySeconds $merged.http.drainTimeoutSeconds $merged.hazelcast.shutdownTimeoutSeconds 10 }}
{{- if lt (int .Values.terminationGracePeriodSeconds) (int $stop) }}
{{- fail (printf "terminationGracePeriodSeconds (%v) must be at least shutdown.delaySeconds + shutdown.drainTimeoutSeconds + shutdown.hazelcastTimeoutSeconds + 10 (%v): Kubernetes would kill pods before they have left the Hazelcast cluster" .Values.terminationGracePeriodSeconds $stop) }}
{{- end }}
{{- toYaml $merged }}
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

{{/* Kafka security ------------------------------------------------------------------------------------------------ */}}

{{/*
kafka.security as Lanyard reads it, without the passwords (those come from Secrets, see lanyard.kafkaEnv). Refuses
settings that do not fit the protocol, as Lanyard itself would at start, but at install time.
*/}}
{{- define "lanyard.kafkaSecurity" -}}
{{- $security := default dict .Values.kafka.security }}
{{- $protocol := upper (default "PLAINTEXT" $security.protocol) }}
{{- $truststore := default dict $security.truststore }}
{{- $keystore := default dict $security.keystore }}
{{- $sasl := default dict $security.sasl }}
{{- $tls := hasSuffix "SSL" $protocol }}
{{- $usesSasl := hasPrefix "SASL_" $protocol }}
{{- if and $tls (not $truststore.secret) }}
{{- fail (printf "kafka.security.truststore.secret must name the Secret with the brokers' CA certificates when kafka.security.protocol is %s" $protocol) }}
{{- end }}
{{- if and (not $tls) (or $truststore.secret $keystore.secret) }}
{{- fail (printf "kafka.security.truststore/keystore are set but kafka.security.protocol %s does not use TLS: use SSL or SASL_SSL" $protocol) }}
{{- end }}
{{- if and $usesSasl (or (not $sasl.username) (not $sasl.passwordSecret)) }}
{{- fail (printf "kafka.security.sasl.username and kafka.security.sasl.passwordSecret must be set when kafka.security.protocol is %s" $protocol) }}
{{- end }}
{{- if and (not $usesSasl) (or $sasl.username $sasl.passwordSecret) }}
{{- fail (printf "kafka.security.sasl is set but kafka.security.protocol %s does not use SASL: use SASL_PLAINTEXT or SASL_SSL" $protocol) }}
{{- end }}
protocol: {{ $protocol }}
{{- if $tls }}
truststore:
  path: {{ printf "/etc/lanyard-kafka/truststore/%s" (default "truststore.p12" $truststore.key) | quote }}
  type: {{ default "PKCS12" $truststore.type | quote }}
{{- end }}
{{- if $keystore.secret }}
keystore:
  path: {{ printf "/etc/lanyard-kafka/keystore/%s" (default "keystore.p12" $keystore.key) | quote }}
  type: {{ default "PKCS12" $keystore.type | quote }}
{{- end }}
{{- if $usesSasl }}
sasl:
  mechanism: {{ default "SCRAM-SHA-512" $sasl.mechanism | quote }}
  username: {{ $sasl.username | quote }}
{{- end }}
{{- end }}

{{/* The Kafka passwords, from their Secrets. */}}
{{- define "lanyard.kafkaEnv" -}}
{{- $security := default dict .Values.kafka.security }}
{{- $protocol := upper (default "PLAINTEXT" $security.protocol) }}
{{- $truststore := default dict $security.truststore }}
{{- $keystore := default dict $security.keystore }}
{{- $sasl := default dict $security.sasl }}
{{- if and (hasSuffix "SSL" $protocol) $truststore.secret $truststore.passwordKey }}
- name: LANYARD_KAFKA_SECURITY_TRUSTSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $truststore.secret }}
      key: {{ $truststore.passwordKey }}
{{- end }}
{{- if and $keystore.secret $keystore.passwordKey }}
- name: LANYARD_KAFKA_SECURITY_KEYSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $keystore.secret }}
      key: {{ $keystore.passwordKey }}
{{- end }}
{{- if hasPrefix "SASL_" $protocol }}
- name: LANYARD_KAFKA_SECURITY_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $sasl.passwordSecret }}
      key: {{ default "kafka-password" $sasl.passwordKey }}
{{- end }}
{{- end }}

{{/* The stores' mounts and volumes: only the store file of each Secret, read-only. */}}
{{- define "lanyard.kafkaVolumeMounts" -}}
{{- $security := default dict .Values.kafka.security }}
{{- range $store := list "truststore" "keystore" }}
{{- if (index (default dict (index $security $store)) "secret") }}
- name: kafka-{{ $store }}
  mountPath: /etc/lanyard-kafka/{{ $store }}
  readOnly: true
{{- end }}
{{- end }}
{{- end }}

{{- define "lanyard.kafkaVolumes" -}}
{{- $security := default dict .Values.kafka.security }}
{{- range $store := list "truststore" "keystore" }}
{{- $settings := default dict (index $security $store) }}
{{- if $settings.secret }}
- name: kafka-{{ $store }}
  secret:
    secretName: {{ $settings.secret }}
    defaultMode: 0440
    items:
      - key: {{ default (printf "%s.p12" $store) $settings.key }}
        path: {{ default (printf "%s.p12" $store) $settings.key }}
{{- end }}
{{- end }}
{{- end }}

{{/* Campus directory (LDAP) --------------------------------------------------------------------------------------- */}}

{{/*
Whether a service's pods sign people in and so talk to the directory: token (the password grant) and authorize (the
login page). Call with (dict "root" $ "service" "token"); renders "true" or nothing.
*/}}
{{- define "lanyard.ldapSignsIn" -}}
{{- if and .root.Values.ldap.enabled (has .service (list "token" "authorize")) }}true{{- end }}
{{- /* With the console, the operator API (projection pod) searches the directory for the Users page. */}}
{{- if and .root.Values.ldap.enabled .root.Values.console.enabled (eq .service "projection") }}true{{- end }}
{{- end }}

{{/* Where the directory's CA certificate is mounted, when one is configured. */}}
{{- define "lanyard.ldapCaPath" -}}
{{- $ca := .Values.ldap.caCert }}
{{- if and $ca.secretName $ca.configMapName }}
{{- fail "ldap.caCert: set secretName or configMapName, not both" }}
{{- end }}
{{- if or $ca.secretName $ca.configMapName }}
{{- printf "/etc/lanyard/ldap-ca/%s" $ca.key }}
{{- end }}
{{- end }}

{{/* The Secret holding the bind password: ldap.existingSecret, or the chart's <fullname>-ldap. */}}
{{- define "lanyard.ldapSecretName" -}}
{{- if .Values.ldap.existingSecret }}
{{- .Values.ldap.existingSecret }}
{{- else }}
{{- printf "%s-ldap" (include "lanyard.fullname" .) }}
{{- end }}
{{- end }}

{{/* Whether the chart renders the bind password's Secret itself. */}}
{{- define "lanyard.ldapSecretRendered" -}}
{{- $ldap := .Values.ldap }}
{{- if and $ldap.bindPassword $ldap.existingSecret }}
{{- fail "set ldap.bindPassword or ldap.existingSecret, not both" }}
{{- end }}
{{- if and $ldap.enabled $ldap.bindPassword }}true{{- end }}
{{- end }}

{{/* Whether the pods that sign people in get LANYARD_LDAP_BIND_PASSWORD. */}}
{{- define "lanyard.ldapHasPassword" -}}
{{- if and .Values.ldap.enabled (or .Values.ldap.existingSecret (include "lanyard.ldapSecretRendered" .)) }}true{{- end }}
{{- end }}

{{/*
The ldap: section of lanyard.yaml, without the bind password (that comes from a Secret, see lanyard.ldapEnv). Refuses
at install time what Lanyard would refuse at start for want of a value only the chart supplies.
*/}}
{{- define "lanyard.ldapConfig" -}}
{{- $ldap := .Values.ldap }}
{{- if not $ldap.urls }}
{{- fail "ldap.urls: name at least one ldap:// or ldaps:// URL of the directory when ldap.enabled" }}
{{- end }}
{{- if and $ldap.bindDn (not (include "lanyard.ldapHasPassword" .)) }}
{{- fail "ldap.bindDn needs the service account's password: set ldap.existingSecret (recommended) or ldap.bindPassword" }}
{{- end }}
{{- $groups := default dict $ldap.groups }}
{{- $section := dict
  "enabled" true
  "urls" $ldap.urls
  "startTls" $ldap.startTls
  "caFile" (include "lanyard.ldapCaPath" .)
  "bindDn" $ldap.bindDn
  "baseDn" $ldap.baseDn
  "userDnTemplate" $ldap.userDnTemplate
  "loginAttributes" $ldap.loginAttributes
  "userFilter" $ldap.userFilter
  "connectTimeoutMs" (int $ldap.connectTimeoutMs)
  "responseTimeoutMs" (int $ldap.responseTimeoutMs)
  "poolSize" (int $ldap.poolSize)
  "attributes" (default dict $ldap.attributes)
  "groups" (dict
    "memberOfAttribute" (default "" $groups.memberOfAttribute)
    "searchBase" (default "" $groups.searchBase)
    "searchFilter" (default "(member={dn})" $groups.searchFilter)
    "nestedDepth" (int (default 0 $groups.nestedDepth)))
  "activeDirectory" $ldap.activeDirectory
  "profileCacheSeconds" (int $ldap.profileCacheSeconds)
-}}
{{- toYaml $section }}
{{- end }}

{{/*
The directory's environment for one service's pods: the bind password from its Secret where people sign in; elsewhere
the directory switched off, so those pods neither connect to it nor need its password. Call with (dict "root" $
"service" "token").
*/}}
{{- define "lanyard.ldapEnv" -}}
{{- $root := .root }}
{{- if include "lanyard.ldapSignsIn" . }}
{{- if include "lanyard.ldapHasPassword" $root }}
- name: LANYARD_LDAP_BIND_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "lanyard.ldapSecretName" $root }}
      key: {{ $root.Values.ldap.existingSecretPasswordKey }}
{{- end }}
{{- else if $root.Values.ldap.enabled }}
# This service signs no one in: no directory connections, no directory password.
- name: LANYARD_LDAP_ENABLED
  value: "false"
{{- end }}
{{- end }}

{{/* The CA certificate's mount and volume, for the pods that sign people in. Call with (dict "root" $ "service" ...). */}}
{{- define "lanyard.ldapVolumeMounts" -}}
{{- if and (include "lanyard.ldapSignsIn" .) (include "lanyard.ldapCaPath" .root) }}
- name: ldap-ca
  mountPath: /etc/lanyard/ldap-ca
  readOnly: true
{{- end }}
{{- end }}

{{- define "lanyard.ldapVolumes" -}}
{{- if and (include "lanyard.ldapSignsIn" .) (include "lanyard.ldapCaPath" .root) }}
{{- $ca := .root.Values.ldap.caCert }}
- name: ldap-ca
  {{- if $ca.secretName }}
  secret:
    secretName: {{ $ca.secretName }}
  {{- else }}
  configMap:
    name: {{ $ca.configMapName }}
  {{- end }}
    defaultMode: 0444
    items:
      - key: {{ $ca.key }}
        path: {{ $ca.key }}
{{- end }}
{{- end }}
