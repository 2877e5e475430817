package io.sparkbatch.operator.testing.spark;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files a pod's container sees, in a folder per pod: each ConfigMap, Secret and emptyDir volume
 * becomes a sub-folder, and {@link #translate(String)} maps a path inside the container (a volume
 * mount, or the image's /opt/spark) to the local file. Text written from ConfigMaps is translated
 * too, so that a mounted spark.properties pointing at {@code local:///opt/spark/...} names a file
 * that exists here.
 */
final class PodFilesystem {
  private final Path podDir;
  private final SparkImage image;

  /** Mount path -> local folder, longest mount path first. */
  private final Map<String, Path> mounts = new LinkedHashMap<>();

  private PodFilesystem(Path podDir, SparkImage image, Map<String, Path> mounts) {
    this.podDir = podDir;
    this.image = image;
    mounts.entrySet().stream()
        .sorted(
            Comparator.comparingInt((Map.Entry<String, Path> e) -> e.getKey().length()).reversed())
        .forEach(e -> this.mounts.put(e.getKey(), e.getValue()));
  }

  /**
   * Writes the volumes {@code container} mounts, or returns empty while a ConfigMap or Secret it
   * needs does not exist yet (a kubelet keeps such a pod in ContainerCreating).
   */
  static Optional<PodFilesystem> prepare(
      KubernetesClient client, Pod pod, Container container, Path podDir, SparkImage image) {
    String namespace = pod.getMetadata().getNamespace();
    Map<String, Volume> volumes = new LinkedHashMap<>();
    if (pod.getSpec().getVolumes() != null) {
      pod.getSpec().getVolumes().forEach(v -> volumes.put(v.getName(), v));
    }
    Map<String, Map<String, byte[]>> contents = new LinkedHashMap<>();
    for (Volume volume : volumes.values()) {
      Optional<Map<String, byte[]>> files = files(client, namespace, volume);
      if (files.isEmpty()) {
        return Optional.empty();
      }
      contents.put(volume.getName(), files.get());
    }
    Map<String, Path> mounts = new LinkedHashMap<>();
    try {
      for (VolumeMount mount : mountsOf(container)) {
        Path folder = podDir.resolve("volumes").resolve(mount.getName());
        Files.createDirectories(folder);
        mounts.put(stripSlash(mount.getMountPath()), folder);
      }
      PodFilesystem filesystem = new PodFilesystem(podDir, image, mounts);
      for (VolumeMount mount : mountsOf(container)) {
        Path folder = podDir.resolve("volumes").resolve(mount.getName());
        for (Map.Entry<String, byte[]> file :
            contents.getOrDefault(mount.getName(), Map.of()).entrySet()) {
          Path target = folder.resolve(file.getKey());
          Files.createDirectories(target.getParent());
          Files.write(
              target, filesystem.translateText(file.getValue(), volumes.get(mount.getName())));
        }
      }
      return Optional.of(filesystem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pod's own folder (logs, volumes). */
  Path podDir() {
    return podDir;
  }

  /**
   * A path inside the container, as a local path: the deepest volume mount that holds it, else the
   * image. Also translates {@code local://<path>} and {@code file://<path>} URIs.
   */
  String translate(String value) {
    for (String scheme : List.of("local://", "file://")) {
      if (value.startsWith(scheme + "/")) {
        return scheme + translate(value.substring(scheme.length()));
      }
    }
    for (Map.Entry<String, Path> mount : mounts.entrySet()) {
      String mountPath = mount.getKey();
      if (value.equals(mountPath) || value.startsWith(mountPath + "/")) {
        return mount.getValue() + value.substring(mountPath.length());
      }
    }
    return image.translate(value);
  }

  /** Every container path in a text (a properties file, a command line) made local. */
  String translateEmbedded(String text) {
    String result = text;
    List<String> prefixes = new ArrayList<>(mounts.keySet());
    prefixes.add(SparkImage.SPARK_HOME);
    for (String prefix : prefixes) {
      if (!result.contains(prefix + "/")) {
        continue;
      }
      result = result.replace(prefix + "/", translate(prefix) + "/");
    }
    return result;
  }

  private byte[] translateText(byte[] content, Volume volume) {
    if (volume == null || volume.getConfigMap() == null) {
      return content;
    }
    return translateEmbedded(new String(content, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static List<VolumeMount> mountsOf(Container container) {
    return container.getVolumeMounts() == null ? List.of() : container.getVolumeMounts();
  }

  private static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** The files of one volume, or empty if its source does not exist yet. */
  private static Optional<Map<String, byte[]>> files(
      KubernetesClient client, String namespace, Volume volume) {
    if (volume.getConfigMap() != null) {
      ConfigMap map =
          client
              .configMaps()
              .inNamespace(namespace)
              .withName(volume.getConfigMap().getName())
              .get();
      if (map == null) {
        return Boolean.TRUE.equals(volume.getConfigMap().getOptional())
            ? Optional.of(Map.of())
            : Optional.empty();
      }
      Map<String, byte[]> data = new LinkedHashMap<>();
      if (map.getData() != null) {
        map.getData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
      }
      if (map.getBinaryData() != null) {
        map.getBinaryData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
      }
      return Optional.of(select(data, volume.getConfigMap().getItems()));
    }
    if (volume.getSecret() != null) {
      Secret secret =
          client
              .secrets()
              .inNamespace(namespace)
              .withName(volume.getSecret().getSecretName())
              .get();
      if (secret == null) {
        return Boolean.TRUE.equals(volume.getSecret().getOptional())
            ? Optional.of(Map.of())
            : Optional.empty();
      }
      Map<String, byte[]> data = new LinkedHashMap<>();
      if (secret.getData() != null) {
        secret.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
      }
      if (secret.getStringData() != null) {
        secret.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
      }
      return Optional.of(select(data, volume.getSecret().getItems()));
    }
    // emptyDir, hostPath, PVCs...: an empty folder of the pod's own.
    return Optional.of(Map.of());
  }

  /** As the kubelet projects keys: all of them by name, or only the listed items at their paths. */
  private static Map<String, byte[]> select(Map<String, byte[]> data, List<KeyToPath> items) {
    if (items == null || items.isEmpty()) {
      return data;
    }
    Map<String, byte[]> selected = new LinkedHashMap<>();
    for (KeyToPath item : items) {
      if (data.containsKey(item.getKey())) {
        selected.put(item.getPath(), data.get(item.getKey()));
      }
    }
    return selected;
  }
}
