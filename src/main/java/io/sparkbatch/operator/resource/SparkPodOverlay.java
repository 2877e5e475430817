package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.sparkbatch.operator.api.SparkPodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A role's pod before Spark's settings: {@code spec.driver.template} (or the executor's) with the
 * typed pod fields of the role applied on top, as the API promises ("typed fields win"). Maps merge
 * key by key, volume mounts by mount path, and single values and lists of rules (tolerations,
 * affinity, security contexts) replace the template's. The Spark container is the template's
 * container with the role's name, else its first one; it is renamed to that name and moved first.
 * Environment variables are left to the caller, which must order them around Spark's own.
 */
final class SparkPodOverlay {

  private SparkPodOverlay() {}

  /**
   * The role's pod, with the Spark container at index 0 and every {@code spec.volumes} entry that
   * one of its containers mounts.
   */
  static Pod apply(SparkPodSpec role, List<Volume> jobVolumes, String containerName) {
    PodTemplateSpec template =
        role.getTemplate() == null
            ? new PodTemplateSpec()
            : new PodTemplateSpecBuilder(role.getTemplate()).build();
    ObjectMeta metadata = Objects.requireNonNullElseGet(template.getMetadata(), ObjectMeta::new);
    PodSpec spec = Objects.requireNonNullElseGet(template.getSpec(), PodSpec::new);

    metadata.setLabels(merge(metadata.getLabels(), role.getLabels()));
    metadata.setAnnotations(merge(metadata.getAnnotations(), role.getAnnotations()));
    spec.setNodeSelector(merge(spec.getNodeSelector(), role.getNodeSelector()));
    if (role.getTolerations() != null) {
      spec.setTolerations(new ArrayList<>(role.getTolerations()));
    }
    if (role.getAffinity() != null) {
      spec.setAffinity(role.getAffinity());
    }
    if (role.getPodSecurityContext() != null) {
      spec.setSecurityContext(role.getPodSecurityContext());
    }
    if (role.getSchedulerName() != null) {
      spec.setSchedulerName(role.getSchedulerName());
    }
    if (role.getPriorityClassName() != null) {
      spec.setPriorityClassName(role.getPriorityClassName());
    }
    spec.setContainers(withSparkContainerFirst(spec.getContainers(), role, containerName));
    spec.setVolumes(withMountedVolumes(spec, jobVolumes));

    Pod pod = new Pod();
    pod.setMetadata(metadata);
    pod.setSpec(spec);
    return pod;
  }

  private static List<Container> withSparkContainerFirst(
      List<Container> templateContainers, SparkPodSpec role, String containerName) {
    List<Container> others = new ArrayList<>(orEmpty(templateContainers));
    int index = 0;
    for (int i = 0; i < others.size(); i++) {
      if (containerName.equals(others.get(i).getName())) {
        index = i;
        break;
      }
    }
    Container spark = others.isEmpty() ? new Container() : others.remove(index);
    ContainerBuilder builder = new ContainerBuilder(spark).withName(containerName);
    if (role.getSecurityContext() != null) {
      builder.withSecurityContext(role.getSecurityContext());
    }
    if (role.getEnvFrom() != null) {
      builder.addAllToEnvFrom(role.getEnvFrom());
    }
    builder.withVolumeMounts(mergeMounts(spark.getVolumeMounts(), role.getVolumeMounts()));
    List<Container> containers = new ArrayList<>();
    containers.add(builder.build());
    containers.addAll(others);
    return containers;
  }

  /** The role's mounts replace the template's at the same path; new paths come after. */
  private static List<VolumeMount> mergeMounts(List<VolumeMount> template, List<VolumeMount> role) {
    List<VolumeMount> merged = new ArrayList<>(orEmpty(template));
    for (VolumeMount mount : orEmpty(role)) {
      merged.removeIf(m -> Objects.equals(m.getMountPath(), mount.getMountPath()));
      merged.add(mount);
    }
    return merged;
  }

  /**
   * The template's volumes, plus each job volume some container mounts. A job volume replaces a
   * template volume of the same name, as typed fields win.
   */
  private static List<Volume> withMountedVolumes(PodSpec spec, List<Volume> jobVolumes) {
    Set<String> mounted = new LinkedHashSet<>();
    Stream.concat(
            orEmpty(spec.getInitContainers()).stream(), orEmpty(spec.getContainers()).stream())
        .flatMap(c -> orEmpty(c.getVolumeMounts()).stream())
        .forEach(m -> mounted.add(m.getName()));
    List<Volume> volumes = new ArrayList<>(orEmpty(spec.getVolumes()));
    for (Volume volume : orEmpty(jobVolumes)) {
      if (mounted.contains(volume.getName())) {
        volumes.removeIf(v -> Objects.equals(v.getName(), volume.getName()));
        volumes.add(volume);
      }
    }
    return volumes;
  }

  /** A copy of base with the entries of top put over it; null when both are empty. */
  static Map<String, String> merge(Map<String, String> base, Map<String, String> top) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (base != null) {
      merged.putAll(base);
    }
    if (top != null) {
      merged.putAll(top);
    }
    return merged.isEmpty() ? null : merged;
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
