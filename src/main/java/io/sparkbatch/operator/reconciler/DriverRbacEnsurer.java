package io.sparkbatch.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sparkbatch.operator.resource.DriverRbac;
import io.sparkbatch.operator.resource.DriverRbacFactory;
import io.sparkbatch.operator.resource.SubmissionSettings;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the driver ServiceAccount, Role and RoleBinding the operator manages exist in a
 * namespace. Created once per namespace per operator process (a create that finds them there is a
 * 409 and fine); never updated behind an administrator's back.
 */
final class DriverRbacEnsurer {
  private static final Logger LOG = LoggerFactory.getLogger(DriverRbacEnsurer.class);

  private final KubernetesClient client;
  private final SubmissionSettings settings;
  private final Set<String> ensured = ConcurrentHashMap.newKeySet();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  DriverRbacEnsurer(KubernetesClient client, SubmissionSettings settings) {
    this.client = Objects.requireNonNull(client);
    this.settings = Objects.requireNonNull(settings);
  }

  void ensure(String namespace) {
    if (ensured.contains(namespace)) {
      return;
    }
    // One creator per namespace: a burst of new jobs would otherwise send one create per thread.
    synchronized (locks.computeIfAbsent(namespace, n -> new Object())) {
      if (!ensured.contains(namespace)) {
        create(namespace);
      }
    }
  }

  private void create(String namespace) {
    DriverRbac rbac = DriverRbacFactory.build(namespace, settings);
    for (HasMetadata object : List.of(rbac.serviceAccount(), rbac.role(), rbac.roleBinding())) {
      try {
        client.resource(object).create();
        LOG.info(
            "created {} {}/{} for Spark drivers",
            object.getKind(),
            namespace,
            object.getMetadata().getName());
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
      }
    }
    ensured.add(namespace);
  }
}
