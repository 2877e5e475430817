package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Merges environment variables by name. A later entry replaces an earlier one of the same name in
 * its place (so that $(VAR) references keep resolving in order), new names are appended, and no
 * name appears twice, which the API server would only warn about and the kubelet resolve silently.
 */
final class EnvMerge {

  private EnvMerge() {}

  /** base with the entries of top merged in. */
  static List<EnvVar> merge(List<EnvVar> base, List<EnvVar> top) {
    return merge(base, top, Set.of());
  }

  /** base with the entries of top merged in, except those named in protectedNames. */
  static List<EnvVar> merge(List<EnvVar> base, List<EnvVar> top, Set<String> protectedNames) {
    List<EnvVar> merged = new ArrayList<>();
    for (EnvVar env : SparkPodOverlay.orEmpty(base)) {
      put(merged, env);
    }
    for (EnvVar env : SparkPodOverlay.orEmpty(top)) {
      if (!protectedNames.contains(env.getName())) {
        put(merged, env);
      }
    }
    return merged;
  }

  private static void put(List<EnvVar> list, EnvVar env) {
    for (int i = 0; i < list.size(); i++) {
      if (Objects.equals(list.get(i).getName(), env.getName())) {
        list.set(i, env);
        return;
      }
    }
    list.add(env);
  }
}
