package io.sparkbatch.operator.convert;

import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.NFSVolumeSource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import io.sparkbatch.operator.api.SparkPodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Spark's volume properties (spark.kubernetes.[role].volumes.[type].[name].* and
 * spark.kubernetes.[role].secrets.[secret]) into spec.volumes and the role's volumeMounts. Volumes
 * Spark creates per executor (persistentVolumeClaim with claimName OnDemand) stay in sparkConf,
 * where the driver handles them.
 */
final class VolumeConfMapper {
  private static final Pattern VOLUME =
      Pattern.compile(
          "^spark\\.kubernetes\\.(driver|executor)\\.volumes\\.(\\w+)\\.([^.]+)\\.(.+)$");
  private static final Pattern SECRET =
      Pattern.compile("^spark\\.kubernetes\\.(driver|executor)\\.secrets\\.(.+)$");
  private static final Set<String> MOUNT_KEYS =
      Set.of("mount.path", "mount.subPath", "mount.subPathExpr", "mount.readOnly");
  private static final Map<String, Set<String>> OPTIONS =
      Map.of(
          "hostPath", Set.of("path", "type"),
          "emptyDir", Set.of("medium", "sizeLimit"),
          "nfs", Set.of("server", "path"),
          "persistentVolumeClaim", Set.of("claimName"));

  /** The properties of one volume of one role. */
  private record Draft(String role, String type, String name, Map<String, ConfValue> props) {}

  private final SparkBatchJobSpec spec;
  private final Map<String, SparkPodSpec> pods;
  private final WarningLog log;
  private final Map<String, Draft> drafts = new LinkedHashMap<>();
  private final Map<String, ConfValue> leftovers = new LinkedHashMap<>();

  VolumeConfMapper(SparkBatchJobSpec spec, Map<String, SparkPodSpec> pods, WarningLog log) {
    this.spec = spec;
    this.pods = pods;
    this.log = log;
  }

  boolean accept(String key, ConfValue value) {
    Matcher secret = SECRET.matcher(key);
    if (secret.matches()) {
      String name = secret.group(2) + "-volume";
      Volume volume = new Volume();
      volume.setName(name);
      SecretVolumeSource source = new SecretVolumeSource();
      source.setSecretName(secret.group(2));
      volume.setSecret(source);
      VolumeMount mount = new VolumeMount();
      mount.setName(name);
      mount.setMountPath(value.value());
      add(secret.group(1), volume, mount, Map.of(key, value));
      return true;
    }
    Matcher volume = VOLUME.matcher(key);
    if (!volume.matches()) {
      return false;
    }
    String id = volume.group(1) + "/" + volume.group(3);
    drafts
        .computeIfAbsent(
            id,
            k ->
                new Draft(volume.group(1), volume.group(2), volume.group(3), new LinkedHashMap<>()))
        .props()
        .put(volume.group(4), value);
    return true;
  }

  /** Adds the volumes; returns the properties that stay in sparkConf. */
  Map<String, ConfValue> finish() {
    drafts.values().forEach(this::convert);
    return leftovers;
  }

  private void convert(Draft draft) {
    String prefix =
        "spark.kubernetes." + draft.role() + ".volumes." + draft.type() + "." + draft.name() + ".";
    Map<String, ConfValue> original = new LinkedHashMap<>();
    draft.props().forEach((k, v) -> original.put(prefix + k, v));
    String first = original.keySet().iterator().next();
    ConfValue firstValue = original.get(first);
    String claim = option(draft, "claimName");
    if (draft.type().equals("persistentVolumeClaim")
        && claim != null
        && (claim.equals("OnDemand") || claim.contains("SPARK_EXECUTOR_ID"))) {
      leftovers.putAll(original);
      if (draft.role().equals("driver")) {
        log.warn(
            WarningLog.confField(first, firstValue),
            "an on-demand claim for the driver is kept in sparkConf, but the operator builds the"
                + " driver pod: create the PersistentVolumeClaim and list it in spec.volumes");
      }
      return;
    }
    String unsupported = unsupportedKey(draft);
    if (unsupported != null) {
      leftovers.putAll(original);
      log.warn(
          WarningLog.confField(prefix + unsupported, draft.props().get(unsupported)),
          "not convertible to spec.volumes; volume '"
              + draft.name()
              + "' kept in sparkConf, where only executors get it: declare it in spec.volumes and"
              + " spec."
              + draft.role()
              + ".volumeMounts instead");
      return;
    }
    Volume volume = volume(draft);
    VolumeMount mount = new VolumeMount();
    mount.setName(draft.name());
    mount.setMountPath(draft.props().get("mount.path").value());
    mount.setSubPath(value(draft, "mount.subPath"));
    mount.setSubPathExpr(value(draft, "mount.subPathExpr"));
    String readOnly = value(draft, "mount.readOnly");
    mount.setReadOnly(readOnly == null ? null : Boolean.valueOf(readOnly.strip()));
    add(draft.role(), volume, mount, original);
  }

  private String unsupportedKey(Draft draft) {
    if (!OPTIONS.containsKey(draft.type())) {
      return draft.props().keySet().iterator().next();
    }
    if (!draft.props().containsKey("mount.path")) {
      return "mount.path";
    }
    for (String key : draft.props().keySet()) {
      boolean option =
          key.startsWith("options.")
              && OPTIONS.get(draft.type()).contains(key.substring("options.".length()));
      if (!option && !MOUNT_KEYS.contains(key)) {
        return key;
      }
    }
    return null;
  }

  private static Volume volume(Draft draft) {
    Volume volume = new Volume();
    volume.setName(draft.name());
    switch (draft.type()) {
      case "hostPath" -> {
        HostPathVolumeSource source = new HostPathVolumeSource();
        source.setPath(option(draft, "path"));
        source.setType(option(draft, "type"));
        volume.setHostPath(source);
      }
      case "emptyDir" -> {
        EmptyDirVolumeSource source = new EmptyDirVolumeSource();
        source.setMedium(option(draft, "medium"));
        String size = option(draft, "sizeLimit");
        source.setSizeLimit(size == null ? null : new Quantity(size));
        volume.setEmptyDir(source);
      }
      case "nfs" -> {
        NFSVolumeSource source = new NFSVolumeSource();
        source.setServer(option(draft, "server"));
        source.setPath(option(draft, "path"));
        volume.setNfs(source);
      }
      default -> {
        PersistentVolumeClaimVolumeSource source = new PersistentVolumeClaimVolumeSource();
        source.setClaimName(option(draft, "claimName"));
        volume.setPersistentVolumeClaim(source);
      }
    }
    return volume;
  }

  private void add(String role, Volume volume, VolumeMount mount, Map<String, ConfValue> original) {
    List<Volume> volumes = spec.getVolumes() == null ? new ArrayList<>() : spec.getVolumes();
    Volume existing =
        volumes.stream().filter(v -> v.getName().equals(volume.getName())).findFirst().orElse(null);
    if (existing != null && !existing.equals(volume)) {
      leftovers.putAll(original);
      String key = original.keySet().iterator().next();
      log.warn(
          WarningLog.confField(key, original.get(key)),
          "the driver and executors define volume '"
              + volume.getName()
              + "' differently; kept in sparkConf: give them different names in spec.volumes");
      return;
    }
    if (existing == null) {
      volumes.add(volume);
    }
    spec.setVolumes(volumes);
    SparkPodSpec pod = pods.get(role);
    List<VolumeMount> mounts =
        pod.getVolumeMounts() == null ? new ArrayList<>() : pod.getVolumeMounts();
    mounts.add(mount);
    pod.setVolumeMounts(mounts);
  }

  private static String option(Draft draft, String name) {
    return value(draft, "options." + name);
  }

  private static String value(Draft draft, String key) {
    ConfValue value = draft.props().get(key);
    return value == null ? null : value.value();
  }
}
