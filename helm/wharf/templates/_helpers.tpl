{{/* Chart name, 63 characters at most (a DNS label). */}}
{{- define "wharf.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: the release name, with the chart name unless the release name contains it. */}}
{{- define "wharf.fullname" -}}
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

{{/* Chart name and version, for the helm.sh/chart label. */}}
{{- define "wharf.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every resource. */}}
{{- define "wharf.labels" -}}
helm.sh/chart: {{ include "wharf.chart" . }}
{{ include "wharf.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: wharf
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The namespace every resource goes to: namespaceOverride, or the release's. */}}
{{- define "wharf.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select the pods; never change them in an upgrade. */}}
{{- define "wharf.selectorLabels" -}}
app.kubernetes.io/name: {{ include "wharf.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "wharf.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "wharf.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
registry/repository, then @digest when set (it wins over the tag), else :tag; the registry is
image.registry, else global.imageRegistry (a parent chart's, for every image it deploys).
*/}}
{{- define "wharf.image" -}}
{{- $repository := .Values.image.repository }}
{{- with (.Values.image.registry | default (.Values.global).imageRegistry) }}
{{- $repository = printf "%s/%s" . $repository }}
{{- end }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/*
Security contexts, adapted for OpenShift when adaptSecurityContext says so (auto: when the
cluster serves OpenShift's security API): without the fixed user, group and fsGroup, which the
restricted SCC assigns from the project's range.
*/}}
{{- define "wharf.adaptSecurityContext" -}}
{{- $mode := .Values.adaptSecurityContext }}
{{- if or (eq $mode "force") (and (eq $mode "auto") (.Capabilities.APIVersions.Has "security.openshift.io/v1")) }}true{{ end }}
{{- end }}

{{- define "wharf.podSecurityContext" -}}
{{- if include "wharf.adaptSecurityContext" . }}
{{- toYaml (omit .Values.podSecurityContext "runAsUser" "runAsGroup" "fsGroup") }}
{{- else }}
{{- toYaml .Values.podSecurityContext }}
{{- end }}
{{- end }}

{{/* The helm test pod's contexts: a fixed non-root user, unless OpenShift assigns one. */}}
{{- define "wharf.testPodSecurityContext" -}}
{{- $context := dict "runAsNonRoot" true "runAsUser" 10001 "runAsGroup" 10001 "seccompProfile" (dict "type" "RuntimeDefault") }}
{{- if include "wharf.adaptSecurityContext" . }}
{{- $context = omit $context "runAsUser" "runAsGroup" }}
{{- end }}
{{- toYaml $context }}
{{- end }}

{{- define "wharf.securityContext" -}}
{{- if include "wharf.adaptSecurityContext" . }}
{{- toYaml (omit .Values.securityContext "runAsUser" "runAsGroup") }}
{{- else }}
{{- toYaml .Values.securityContext }}
{{- end }}
{{- end }}

{{/* podAntiAffinity preset: soft prefers one pod per node, hard requires it. */}}
{{- define "wharf.affinity" -}}
{{- if .Values.affinity }}
{{- toYaml .Values.affinity }}
{{- else if eq .Values.podAntiAffinity "soft" }}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "wharf.selectorLabels" . | nindent 12 }}
{{- else if eq .Values.podAntiAffinity "hard" }}
podAntiAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- include "wharf.selectorLabels" . | nindent 10 }}
{{- end }}
{{- end }}

{{/* The service's built-in listeners (src/main/resources/wharf/application.yml); one the values remove is switched off. */}}
{{- define "wharf.builtinListeners" -}}
{{- list "greeting-tcp" "greeting-udp" "echo-tcp" "echo-udp" "echo-line" "echo-framed" | toJson }}
{{- end }}

{{/*
The enabled listeners as YAML (name -> listener), checked for what the schema cannot see:
the Actuator port's name or number taken by a listener, and two listeners on one protocol and
container port or Service port.
*/}}
{{- define "wharf.enabledListeners" -}}
{{- $enabled := dict }}
{{- $containerPorts := dict }}
{{- $servicePorts := dict }}
{{- range $name, $l := .Values.listeners }}
{{- if and $l (or (not (hasKey $l "enabled")) $l.enabled) }}
{{- if eq $name "actuator" }}
{{- fail "listeners: the name 'actuator' is the Actuator port's; choose another listener name" }}
{{- end }}
{{- $key := printf "%s/%v" $l.protocol $l.port }}
{{- if hasKey $containerPorts $key }}
{{- fail (printf "listeners %s and %s both bind %s port %v; give one another port" (get $containerPorts $key) $name $l.protocol $l.port) }}
{{- end }}
{{- $_ := set $containerPorts $key $name }}
{{- $serviceKey := printf "%s/%v" $l.protocol ($l.servicePort | default $l.port) }}
{{- if hasKey $servicePorts $serviceKey }}
{{- fail (printf "listeners %s and %s both use %s Service port %v; set servicePort on one" (get $servicePorts $serviceKey) $name $l.protocol ($l.servicePort | default $l.port)) }}
{{- end }}
{{- $_ := set $servicePorts $serviceKey $name }}
{{- if and (eq $l.protocol "tcp") (eq (int $l.port) (int $.Values.actuator.port)) }}
{{- fail (printf "listener %s binds TCP port %v, the Actuator port; change one of them" $name $l.port) }}
{{- end }}
{{- $_ := set $enabled $name $l }}
{{- end }}
{{- end }}
{{- toYaml $enabled }}
{{- end }}

{{/* Service ports for the given listeners (dict "listeners" ... "protocol" tcp|udp|"" "root" $). */}}
{{- define "wharf.servicePorts" -}}
{{- $nodePorts := has .root.Values.service.type (list "NodePort" "LoadBalancer") }}
{{- range $name, $l := .listeners }}
{{- if or (not $.protocol) (eq $l.protocol $.protocol) }}
- name: {{ $name }}
  port: {{ $l.servicePort | default $l.port }}
  {{- /* With listener reload the pods name no listener ports: a Service targets the number. */}}
  targetPort: {{ ternary $l.port $name $.root.Values.listenerReload.enabled }}
  protocol: {{ upper $l.protocol }}
  {{- if and $nodePorts $l.nodePort }}
  nodePort: {{ $l.nodePort }}
  {{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* The application.yml the pods load over the packaged one. */}}
{{- define "wharf.applicationConfig" -}}
{{- $listeners := dict }}
{{- range $name := include "wharf.builtinListeners" . | fromJsonArray }}
{{- $_ := set $listeners $name (dict "enabled" false) }}
{{- end }}
{{- range $name, $l := .Values.listeners }}
{{- if $l }}
{{- $_ := set $listeners $name (omit $l "servicePort" "nodePort") }}
{{- end }}
{{- end }}
{{- $drain := int .Values.shutdown.drainTimeoutSeconds }}
{{- $wharf := dict "drain-timeout" (printf "%ds" $drain) "listeners" $listeners }}
{{- if .Values.greeting }}
{{- $_ := set $wharf "greeting" .Values.greeting }}
{{- end }}
{{- if .Values.listenerReload.enabled }}
{{- $_ := set $wharf "reload" (dict "enabled" true "file" "/etc/wharf/application.yml" "interval" .Values.listenerReload.interval) }}
{{- end }}
{{- $config := dict
  "server" (dict "port" .Values.actuator.port)
  "spring" (dict "lifecycle" (dict "timeout-per-shutdown-phase" (printf "%ds" (add $drain 10))))
  "wharf" $wharf
  "info" (dict "kubernetes" (dict "pod" "${POD_NAME:}" "namespace" "${POD_NAMESPACE:}" "node" "${NODE_NAME:}"))
}}
{{- if .Values.tracing.enabled }}
{{- $_ := set $wharf "tracing" (dict "enabled" true) }}
{{- $export := dict }}
{{- with .Values.tracing.endpoint }}
{{- $export = dict "opentelemetry" (dict "tracing" (dict "export" (dict "otlp" (dict "endpoint" .)))) }}
{{- end }}
{{- $_ := set $config "management" (merge (dict "tracing" (dict "sampling" (dict "probability" .Values.tracing.samplingProbability))) $export) }}
{{- end }}
{{- $tlsSecret := include "wharf.tlsSecretName" . }}
{{- if $tlsSecret }}
{{- $dir := .Values.tls.mountPath }}
{{- $store := dict "certificate" (printf "file:%s/%s" $dir .Values.tls.certificateKey) "private-key" (printf "file:%s/%s" $dir .Values.tls.privateKeyKey) }}
{{- $bundle := dict "keystore" $store "reload-on-update" true }}
{{- if .Values.tls.caKey }}
{{- $_ := set $bundle "truststore" (dict "certificate" (printf "file:%s/%s" $dir .Values.tls.caKey)) }}
{{- end }}
{{- $_ := set $config.spring "ssl" (dict "bundle" (dict "pem" (dict .Values.tls.bundle $bundle))) }}
{{- end }}
{{- if .Values.cluster.enabled }}
{{- $cluster := .Values.cluster }}
{{- $_ := set $wharf "cluster" (dict "enabled" true "name" ($cluster.name | default (include "wharf.fullname" .)) "instance-id" "${POD_NAME}" "send-timeout" $cluster.sendTimeout "heartbeat-interval" $cluster.heartbeatInterval "instance-timeout" $cluster.instanceTimeout) }}
{{- $redis := dict "url" $cluster.redis.url }}
{{- with $cluster.redis.username }}
{{- $_ := set $redis "username" . }}
{{- end }}
{{- if $cluster.redis.tls.enabled }}
{{- $dir := $cluster.redis.tls.mountPath }}
{{- $bundle := dict "truststore" (dict "certificate" (printf "file:%s/%s" $dir $cluster.redis.tls.caKey)) }}
{{- if $cluster.redis.tls.certificateKey }}
{{- $_ := set $bundle "keystore" (dict "certificate" (printf "file:%s/%s" $dir $cluster.redis.tls.certificateKey) "private-key" (printf "file:%s/%s" $dir $cluster.redis.tls.privateKeyKey)) }}
{{- end }}
{{- $_ := set $redis "ssl" (dict "enabled" true "bundle" "wharf-redis") }}
{{- $ssl := $config.spring.ssl | default (dict "bundle" (dict "pem" dict)) }}
{{- $_ := set $ssl.bundle.pem "wharf-redis" $bundle }}
{{- $_ := set $config.spring "ssl" $ssl }}
{{- end }}
{{- $_ := set $config.spring "data" (dict "redis" $redis) }}
{{- end }}
{{- toYaml (mustMergeOverwrite $config (deepCopy .Values.config)) }}
{{- end }}

{{/* The Secret with the TLS material: as set, or the one cert-manager makes; empty without TLS. */}}
{{- define "wharf.tlsSecretName" -}}
{{- if .Values.tls.secretName }}
{{- .Values.tls.secretName }}
{{- else if .Values.tls.certManager.enabled }}
{{- printf "%s-tls" (include "wharf.fullname" .) }}
{{- end }}
{{- end }}

{{/* terminationGracePeriodSeconds: what preStop and the drain need, plus time to close the context. */}}
{{- define "wharf.terminationGracePeriodSeconds" -}}
{{- if .Values.shutdown.terminationGracePeriodSeconds }}
{{- .Values.shutdown.terminationGracePeriodSeconds }}
{{- else }}
{{- add .Values.shutdown.preStopSleepSeconds .Values.shutdown.drainTimeoutSeconds 15 }}
{{- end }}
{{- end }}
