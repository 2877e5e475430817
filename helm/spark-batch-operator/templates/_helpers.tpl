{{/* Names and labels, in one place. */}}
{{- define "sbo.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "sbo.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "sbo.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "sbo.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "sbo.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sbo.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "sbo.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "sbo.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "sbo.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "sbo.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* "true" when leader election is on: forced by the value, else on with more than one replica. */}}
{{- define "sbo.leaderElection" -}}
{{- if kindIs "bool" .Values.leaderElection.enabled }}
{{- .Values.leaderElection.enabled }}
{{- else }}
{{- gt (int .Values.replicaCount) 1 }}
{{- end }}
{{- end }}

{{/* "true" when the operator itself creates the drivers' ServiceAccount, Role and RoleBinding. */}}
{{- define "sbo.operatorManagesDriverRbac" -}}
{{- eq .Values.driver.rbac.managedBy "operator" }}
{{- end }}

{{/* Namespaces that get the chart's driver RBAC. */}}
{{- define "sbo.driverRbacNamespaces" -}}
{{- $ns := .Values.driver.rbac.namespaces | default .Values.watch.namespaces }}
{{- if and (eq .Values.driver.rbac.managedBy "chart") (empty $ns) }}
{{- fail "driver.rbac.managedBy=chart needs driver.rbac.namespaces or watch.namespaces: the chart cannot know every namespace jobs will use" }}
{{- end }}
{{- toJson $ns }}
{{- end }}

{{/*
The operator's rules: exactly OperatorPermissions.rules(manageDriverRbac) in
src/main/java/io/sparkbatch/operator/config/OperatorPermissions.java (HelmChartTest compares them).
The last two rules are the driver Role's (DriverRbacFactory.RULES): Kubernetes lets a subject grant
only rights it holds, so the operator holds them only while it creates driver Roles itself.
*/}}
{{- define "sbo.operatorRules" -}}
- apiGroups: ["sparkbatch.io"]
  resources: ["sparkbatchjobs"]
  verbs: ["delete", "list", "watch"]
- apiGroups: ["sparkbatch.io"]
  resources: ["sparkbatchjobs/status"]
  verbs: ["patch"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["create", "delete", "get", "list", "watch"]
- apiGroups: [""]
  resources: ["services"]
  verbs: ["create", "delete", "get", "update"]
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["create", "delete", "get", "update"]
- apiGroups: [""]
  resources: ["serviceaccounts"]
  verbs: ["create", "get"]
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles"]
  verbs: ["create"]
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["rolebindings"]
  verbs: ["create"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- if eq (include "sbo.operatorManagesDriverRbac" .) "true" }}
{{ include "sbo.driverRules" . }}
{{- end }}
{{- end }}

{{/* The driver Role's rules: DriverRbacFactory.RULES. */}}
{{- define "sbo.driverRules" -}}
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["create", "get", "list", "watch", "delete", "deletecollection", "patch"]
- apiGroups: [""]
  resources: ["services", "configmaps", "persistentvolumeclaims"]
  verbs: ["create", "get", "list", "watch", "delete", "deletecollection"]
{{- end }}
