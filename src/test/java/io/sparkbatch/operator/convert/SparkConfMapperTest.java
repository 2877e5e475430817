package io.sparkbatch.operator.convert;

import static io.sparkbatch.operator.convert.ConvertFixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Well-known Spark properties and the typed fields they become. */
class SparkConfMapperTest {

  private static Conversion submit(String app, String... conf) {
    String confs =
        Arrays.stream(conf).map(c -> " --conf '" + c + "'").collect(Collectors.joining(" \\\n"));
    return ConvertFixtures.convert(
        SourceFormat.SPARK_SUBMIT,
        "spark-submit --name t --conf spark.kubernetes.container.image=apache/spark:3.5.1"
            + confs
            + " \\\n "
            + app);
  }

  @Test
  void podSettingsOfBothRoles() {
    SparkBatchJobSpec spec =
        submit(
                "local:///a.jar",
                "spark.driver.cores=2",
                "spark.kubernetes.driver.request.cores=500m",
                "spark.kubernetes.executor.limit.cores=3.5",
                "spark.driver.memoryOverhead=1g",
                "spark.kubernetes.driver.container.image=repo/driver:1",
                "spark.kubernetes.executor.container.image=repo/executor:1",
                "spark.executor.extraJavaOptions=-Dx=1",
                "spark.kubernetes.authenticate.executor.serviceAccountName=spark-exec",
                "spark.kubernetes.driver.annotation.prometheus.io/scrape=true",
                "spark.kubernetes.executor.deleteOnTermination=false",
                "spark.kubernetes.scheduler.name=volcano",
                "spark.kubernetes.executor.scheduler.name=yunikorn",
                "spark.kubernetes.driverEnv.STAGE=prod",
                "spark.executorEnv.STAGE=prod",
                "spark.kubernetes.driver.secretKeyRef.DB_PASSWORD=db:password",
                "spark.kubernetes.container.image.pullPolicy=Always",
                "spark.kubernetes.container.image.pullSecrets=ecr, quay")
            .job()
            .getSpec();

    assertThat(spec.getDriver().getCores()).isEqualTo(2);
    assertThat(spec.getDriver().getCoreRequest()).isEqualTo("500m");
    assertThat(spec.getExecutor().getCoreLimit()).isEqualTo("3.5");
    assertThat(spec.getDriver().getMemoryOverhead()).isEqualTo("1g");
    assertThat(spec.getDriver().getImage()).isEqualTo("repo/driver:1");
    assertThat(spec.getExecutor().getImage()).isEqualTo("repo/executor:1");
    assertThat(spec.getExecutor().getJavaOptions()).isEqualTo("-Dx=1");
    assertThat(spec.getExecutor().getServiceAccount()).isEqualTo("spark-exec");
    assertThat(spec.getDriver().getAnnotations())
        .containsExactly(entry("prometheus.io/scrape", "true"));
    assertThat(spec.getExecutor().getDeleteOnTermination()).isFalse();
    assertThat(spec.getDriver().getSchedulerName()).isEqualTo("volcano");
    assertThat(spec.getExecutor().getSchedulerName()).isEqualTo("yunikorn");
    assertThat(spec.getDriver().getEnv())
        .extracting(e -> e.getName())
        .containsExactly("STAGE", "DB_PASSWORD");
    assertThat(spec.getDriver().getEnv().get(1).getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("password");
    assertThat(spec.getExecutor().getEnv()).extracting(e -> e.getValue()).containsExactly("prod");
    assertThat(spec.getImagePullPolicy()).isEqualTo("Always");
    assertThat(spec.getImagePullSecrets()).containsExactly("ecr", "quay");
    assertThat(spec.getSparkConf()).isNull();
  }

  @Test
  void sparkVolumePropertiesBecomeVolumesAndMounts() {
    Conversion conversion =
        submit(
            "local:///a.jar",
            "spark.kubernetes.driver.volumes.persistentVolumeClaim.data.options.claimName=lake",
            "spark.kubernetes.driver.volumes.persistentVolumeClaim.data.mount.path=/data",
            "spark.kubernetes.driver.volumes.persistentVolumeClaim.data.mount.readOnly=true",
            "spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.claimName=lake",
            "spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.path=/data",
            "spark.kubernetes.executor.volumes.emptyDir.spark-local-dir-1.options.medium=Memory",
            "spark.kubernetes.executor.volumes.emptyDir.spark-local-dir-1.mount.path=/tmp/spark",
            "spark.kubernetes.executor.volumes.persistentVolumeClaim.scratch.options.claimName=OnDemand",
            "spark.kubernetes.executor.volumes.persistentVolumeClaim.scratch.options.storageClass=gp3",
            "spark.kubernetes.executor.volumes.persistentVolumeClaim.scratch.mount.path=/scratch",
            "spark.kubernetes.driver.secrets.gcs-key=/etc/gcs");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    assertThat(spec.getVolumes())
        .extracting(Volume::getName)
        .containsExactly("gcs-key-volume", "data", "spark-local-dir-1");
    assertThat(spec.getVolumes().get(1).getPersistentVolumeClaim().getClaimName())
        .isEqualTo("lake");
    assertThat(spec.getVolumes().get(2).getEmptyDir().getMedium()).isEqualTo("Memory");
    assertThat(spec.getDriver().getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .containsExactly("/etc/gcs", "/data");
    assertThat(spec.getDriver().getVolumeMounts().get(1).getReadOnly()).isTrue();
    assertThat(spec.getExecutor().getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .containsExactly("/data", "/tmp/spark");
    // Spark's driver creates on-demand claims per executor: that stays Spark's job.
    assertThat(spec.getSparkConf())
        .containsOnlyKeys(
            "spark.kubernetes.executor.volumes.persistentVolumeClaim.scratch.options.claimName",
            "spark.kubernetes.executor.volumes.persistentVolumeClaim.scratch.options.storageClass",
            "spark.kubernetes.executor.volumes.persistentVolumeClaim.scratch.mount.path");
    assertThat(conversion.warnings()).isEmpty();
  }

  @Test
  void volumesThatDoNotFitStayInSparkConfWithAWarning() {
    Conversion conversion =
        submit(
            "local:///a.jar",
            "spark.kubernetes.executor.volumes.nfs.share.options.server=nfs.local",
            "spark.kubernetes.executor.volumes.nfs.share.options.path=/exports",
            "spark.kubernetes.executor.volumes.nfs.share.options.mountOptions=hard",
            "spark.kubernetes.executor.volumes.nfs.share.mount.path=/share");

    assertThat(conversion.job().getSpec().getVolumes()).isNull();
    assertThat(conversion.job().getSpec().getSparkConf()).hasSize(4);
    assertThat(
            warning(conversion, "spark.kubernetes.executor.volumes.nfs.share.options.mountOptions"))
        .contains("spec.volumes");
  }

  @Test
  void valuesThatDoNotFitTheirFieldStayInSparkConf() {
    Conversion conversion =
        submit(
            "local:///a.jar",
            "spark.executor.cores=1.5",
            "spark.driver.memory=1.5g",
            "spark.kubernetes.container.image.pullPolicy=always",
            "spark.dynamicAllocation.enabled=yes",
            "spark.kubernetes.driver.secretKeyRef.TOKEN=no-key");

    assertThat(conversion.job().getSpec().getSparkConf())
        .containsOnlyKeys(
            "spark.executor.cores",
            "spark.driver.memory",
            "spark.kubernetes.container.image.pullPolicy",
            "spark.dynamicAllocation.enabled",
            "spark.kubernetes.driver.secretKeyRef.TOKEN");
    assertThat(warning(conversion, "spark.executor.cores")).contains("whole number");
    assertThat(warning(conversion, "spark.kubernetes.container.image.pullPolicy"))
        .contains("Always, IfNotPresent or Never");
    assertThat(conversion.uncarriedKeys()).isEmpty();
  }

  @Test
  void pyFilesOfAJvmApplicationStayInSparkConf() {
    Conversion conversion = submit("local:///a.jar", "spark.submit.pyFiles=local:///lib.zip");

    assertThat(conversion.job().getSpec().getDeps()).isNull();
    assertThat(conversion.job().getSpec().getSparkConf())
        .containsEntry("spark.submit.pyFiles", "local:///lib.zip");
    assertThat(warning(conversion, "spark.submit.pyFiles")).contains("spec.type Python");
  }

  @Test
  void podTemplateFilesAndTheDriverPodNameAreReported() {
    Conversion conversion =
        submit(
            "local:///a.jar",
            "spark.kubernetes.driver.podTemplateFile=s3a://templates/driver.yaml",
            "spark.kubernetes.driver.pod.name=custom-driver",
            "spark.kubernetes.executor.podTemplateFile=/tmp/executor.yaml");

    assertThat(warning(conversion, "spark.kubernetes.driver.podTemplateFile"))
        .contains("spec.driver.template");
    assertThat(warning(conversion, "spark.kubernetes.executor.podTemplateFile"))
        .contains("spec.executor.template");
    assertThat(warning(conversion, "spark.kubernetes.driver.pod.name"))
        .contains("<job name>-driver");
    assertThat(conversion.uncarriedKeys()).hasSize(3);
  }

  @Test
  void depsListsAreSplitAsSparkSplitsThem() {
    SparkBatchJobSpec spec =
        ConvertFixtures.convert(
                SourceFormat.SPARK_SUBMIT,
                "spark-submit --jars 's3a://b/a.jar, s3a://b/b.jar,' --files s3a://b/f.conf"
                    + " --archives s3a://b/env.tar.gz#env --repositories https://repo.example.com"
                    + " --exclude-packages org.slf4j:slf4j-api local:///a.jar")
            .job()
            .getSpec();

    assertThat(spec.getDeps().getJars()).containsExactly("s3a://b/a.jar", "s3a://b/b.jar");
    assertThat(spec.getDeps().getFiles()).containsExactly("s3a://b/f.conf");
    assertThat(spec.getDeps().getArchives()).containsExactly("s3a://b/env.tar.gz#env");
    assertThat(spec.getDeps().getRepositories()).containsExactly("https://repo.example.com");
    assertThat(spec.getDeps().getExcludePackages()).containsExactly("org.slf4j:slf4j-api");
  }
}
