package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Spark's scratch directories in the driver, as LocalDirsFeatureStep sets them up: the Spark
 * container's mounts of volumes named {@code spark-local-dir-*} when the spec has any (a PVC or a
 * fast disk), otherwise one emptyDir per entry of {@code spark.local.dir} (in memory with {@code
 * spark.kubernetes.local.dirs.tmpfs}). Spark's default directory has a random name; this one is
 * fixed, so that the same spec gives the same pod.
 *
 * @param paths the directories, for {@code SPARK_LOCAL_DIRS}
 * @param volumes volumes to add to the pod
 * @param mounts mounts to add to the Spark container
 */
record LocalDirs(List<String> paths, List<Volume> volumes, List<VolumeMount> mounts) {

  static final String DEFAULT_DIR = "/var/data/spark-local-dir-1";

  static LocalDirs of(Container spark, SortedMap<String, String> conf) {
    List<String> mounted =
        SparkPodOverlay.orEmpty(spark.getVolumeMounts()).stream()
            .filter(
                m -> m.getName() != null && m.getName().startsWith(Names.LOCAL_DIR_VOLUME_PREFIX))
            .map(VolumeMount::getMountPath)
            .toList();
    if (!mounted.isEmpty()) {
      return new LocalDirs(mounted, List.of(), List.of());
    }
    String[] dirs = SparkConfResolver.split(conf.get(SparkConfKeys.LOCAL_DIR));
    List<String> paths = dirs.length == 0 ? List.of(DEFAULT_DIR) : List.of(dirs);
    String medium =
        Boolean.parseBoolean(conf.get(SparkConfKeys.LOCAL_DIRS_TMPFS)) ? "Memory" : null;
    List<Volume> volumes = new ArrayList<>();
    List<VolumeMount> mounts = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String name = Names.LOCAL_DIR_VOLUME_PREFIX + (i + 1);
      volumes.add(
          new VolumeBuilder()
              .withName(name)
              .withNewEmptyDir()
              .withMedium(medium)
              .endEmptyDir()
              .build());
      mounts.add(new VolumeMountBuilder().withName(name).withMountPath(paths.get(i)).build());
    }
    return new LocalDirs(paths, volumes, mounts);
  }
}
