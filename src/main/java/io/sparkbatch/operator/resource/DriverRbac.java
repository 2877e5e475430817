package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

/** The managed driver identity of one namespace: the account, its Role and their binding. */
public record DriverRbac(ServiceAccount serviceAccount, Role role, RoleBinding roleBinding) {}
