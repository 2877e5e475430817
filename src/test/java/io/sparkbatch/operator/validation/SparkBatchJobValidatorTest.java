package io.sparkbatch.operator.validation;

import static io.sparkbatch.operator.testing.SparkBatchJobs.pysparkPi;
import static io.sparkbatch.operator.testing.SparkBatchJobs.sparkPi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.Dependencies;
import io.sparkbatch.operator.api.DynamicAllocation;
import io.sparkbatch.operator.api.RestartPolicy;
import io.sparkbatch.operator.api.RestartPolicyType;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.Timeouts;
import io.sparkbatch.operator.testing.CrdGeneration;
import io.sparkbatch.operator.testing.StrictSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per rule, each on a valid fixture with one thing broken. Rules of the pod settings
 * shared by driver and executor are in {@link PodSpecValidatorTest}.
 */
class SparkBatchJobValidatorTest {

  private final SparkBatchJobValidator validator = new SparkBatchJobValidator();

  private List<SpecViolation> violations(SparkBatchJob job) {
    return validator.validate(job);
  }

  /**
   * Asserts that the job breaks exactly one rule, on that field, with a message containing this.
   */
  private void assertOnly(SparkBatchJob job, String field, String messagePart) {
    assertThat(violations(job))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo(field);
              assertThat(v.message()).contains(messagePart);
            });
  }

  @Test
  void fixturesAreValid() {
    assertThat(violations(sparkPi())).isEmpty();
    assertThat(violations(pysparkPi())).isEmpty();
  }

  @Test
  void violationPrintsAsFieldColonMessageForKubectlDescribe() {
    SparkBatchJob job = sparkPi();
    job.getSpec().getExecutor().setInstances(-1);
    assertThat(violations(job))
        .extracting(SpecViolation::toString)
        .containsExactly("spec.executor.instances: must be >= 0, got -1");
  }

  @Test
  void reportsEveryViolationAtOnceInSpecOrder() {
    SparkBatchJob job = sparkPi();
    job.getSpec().setMainClass(null);
    job.getSpec().setImage(null);
    job.getSpec().getExecutor().setInstances(-1);
    assertThat(violations(job))
        .extracting(SpecViolation::field)
        .containsExactly("spec.mainClass", "spec.image", "spec.executor.instances");
  }

  @Nested
  class Metadata {
    @Test
    void nameMustBeSet() {
      SparkBatchJob job = sparkPi();
      job.getMetadata().setName(null);
      assertOnly(job, "metadata.name", "must be set");
      job.setMetadata(null);
      assertOnly(job, "metadata.name", "must be set");
    }

    @Test
    void nameFitsInALabelValueSo63CharactersAtMost() {
      SparkBatchJob job = sparkPi();
      job.getMetadata().setName("a".repeat(63));
      assertThat(violations(job)).isEmpty();
      job.getMetadata().setName("a".repeat(64));
      assertOnly(job, "metadata.name", "must be at most 63 characters");
    }

    @Test
    void nameMustBeADnsSubdomain() {
      SparkBatchJob job = sparkPi();
      job.getMetadata().setName("Spark_Pi");
      assertOnly(job, "metadata.name", "lower case letters");
    }
  }

  @Test
  void specMustBeSet() {
    SparkBatchJob job = sparkPi();
    job.setSpec(null);
    assertOnly(job, "spec", "must be set");
  }

  @Nested
  class ApplicationFile {
    @Test
    void isRequired() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setMainApplicationFile(null);
      assertOnly(job, "spec.mainApplicationFile", "must be set");
      job.getSpec().setMainApplicationFile(" ");
      assertOnly(job, "spec.mainApplicationFile", "must be set");
    }

    @Test
    void hasNoWhitespace() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setMainApplicationFile("local:///opt/my app.jar");
      assertOnly(job, "spec.mainApplicationFile", "without spaces");
    }

    /** CEL: self.type != 'Python' || self.mainApplicationFile.endsWith('.py') */
    @Test
    void pythonNeedsAPyFile() {
      SparkBatchJob job = pysparkPi();
      job.getSpec().setMainApplicationFile("local:///opt/app/job.jar");
      assertOnly(job, "spec.mainApplicationFile", "must be a .py file when spec.type is Python");
    }

    /** CEL: self.type != 'R' || ...endsWith('.R') || ...endsWith('.r') */
    @Test
    void rNeedsAnRFile() {
      SparkBatchJob job = pysparkPi();
      job.getSpec().setType(ApplicationType.R);
      assertOnly(job, "spec.mainApplicationFile", "must be an .R file when spec.type is R");
      job.getSpec().setMainApplicationFile("local:///opt/app/job.R");
      assertThat(violations(job)).isEmpty();
      job.getSpec().setMainApplicationFile("local:///opt/app/job.r");
      assertThat(violations(job)).isEmpty();
    }
  }

  @Nested
  class MainClass {
    @Test
    void requiredForScalaWhenSparkCannotReadTheManifest() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setMainClass(null);
      assertOnly(job, "spec.mainClass", "must be set for a Scala application");
      job.getSpec().setMainApplicationFile("s3a://bucket/app.jar");
      assertOnly(job, "spec.mainClass", "Main-Class from the jar manifest");
    }

    @Test
    void requiredForJavaAndUnsetTypeMeansScala() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setMainClass(null);
      job.getSpec().setType(ApplicationType.JAVA);
      assertOnly(job, "spec.mainClass", "must be set for a Java application");
      job.getSpec().setType(null);
      assertOnly(job, "spec.mainClass", "must be set for a Scala application");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/opt/app/app.jar", "file:///opt/app/app.jar", "app.jar"})
    void optionalForAFileSparkOpensToReadTheManifest(String file) {
      SparkBatchJob job = sparkPi();
      job.getSpec().setMainClass(null);
      job.getSpec().setMainApplicationFile(file);
      assertThat(violations(job)).isEmpty();
    }

    @Test
    void notNeededForPython() {
      assertThat(pysparkPi().getSpec().getMainClass()).isNull();
      assertThat(violations(pysparkPi())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.example.Main ", "--class", "org..Main", "1Main"})
    void mustBeAClassName(String mainClass) {
      SparkBatchJob job = sparkPi();
      job.getSpec().setMainClass(mainClass);
      assertOnly(job, "spec.mainClass", "fully qualified class name");
    }

    @Test
    void nestedClassNamesAreFine() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setMainClass("com.example.Jobs$Daily");
      assertThat(violations(job)).isEmpty();
    }
  }

  @Test
  void modeMustBeCluster() {
    SparkBatchJob job = sparkPi();
    job.getSpec().setMode("cluster");
    assertThat(violations(job)).isEmpty();
    job.getSpec().setMode("client");
    assertOnly(job, "spec.mode", "must be cluster");
  }

  @Test
  void imagePullPolicyIsOneOfKubernetesValues() {
    SparkBatchJob job = sparkPi();
    job.getSpec().setImagePullPolicy("IfNotPresent");
    assertThat(violations(job)).isEmpty();
    job.getSpec().setImagePullPolicy("Sometimes");
    assertOnly(job, "spec.imagePullPolicy", "must be Always, IfNotPresent or Never");
  }

  @Nested
  class Image {
    @Test
    void mustBeSetSomewhere() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setImage(null);
      assertOnly(job, "spec.image", "or both spec.driver.image and spec.executor.image");
      job.getSpec().setImage("");
      assertOnly(job, "spec.image", "or both spec.driver.image and spec.executor.image");
    }

    @Test
    void bothRoleImagesReplaceSpecImage() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setImage(null);
      job.getSpec().getDriver().setImage("repo/driver:1");
      assertOnly(job, "spec.executor.image", "must be set when spec.image is not");
      job.getSpec().getExecutor().setImage("repo/executor:1");
      assertThat(violations(job)).isEmpty();
      job.getSpec().getDriver().setImage(null);
      assertOnly(job, "spec.driver.image", "must be set when spec.image is not");
    }

    @Test
    void hasNoWhitespace() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setImage("apache/spark: 4.1.1");
      assertOnly(job, "spec.image", "without spaces");
    }
  }

  @Nested
  class SparkConf {
    static List<String> reservedKeys() {
      return List.copyOf(new TreeSet<>(SparkBatchJobValidator.RESERVED_SPARK_CONF_KEYS));
    }

    @Test
    void reservedKeysAreTheOnesTheOperatorSetsIncludingWhereTheDriverRuns() {
      assertThat(SparkBatchJobValidator.RESERVED_SPARK_CONF_KEYS)
          .isSameAs(io.sparkbatch.operator.resource.SparkConfResolver.RESERVED_KEYS)
          .contains(
              "spark.master",
              "spark.kubernetes.namespace",
              "spark.kubernetes.driver.pod.name",
              "spark.driver.host",
              "spark.app.id",
              "spark.kubernetes.submitInDriver",
              "spark.submit.deployMode",
              "spark.kubernetes.driver.master",
              "spark.kubernetes.authenticate.driver.serviceAccountName");
    }

    @ParameterizedTest
    @MethodSource("reservedKeys")
    void mustNotSetAKeyTheOperatorOwns(String key) {
      SparkBatchJob job = sparkPi();
      job.getSpec().setSparkConf(Map.of(key, "value-from-user"));
      assertOnly(job, "spec.sparkConf[" + key + "]", "is set by the operator");
    }

    @Test
    void namespaceCannotBeRedirected() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setSparkConf(Map.of("spark.kubernetes.namespace", "kube-system"));
      assertOnly(job, "spec.sparkConf[spark.kubernetes.namespace]", "runs in its own namespace");
    }

    @Test
    void keysMustBeSparkKeys() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setSparkConf(Map.of("fs.s3a.endpoint", "http://minio:9000"));
      assertOnly(job, "spec.sparkConf[fs.s3a.endpoint]", "spec.hadoopConf");
    }

    @Test
    void valuesMustBeSet() {
      SparkBatchJob job = sparkPi();
      Map<String, String> conf = new HashMap<>();
      conf.put("spark.sql.shuffle.partitions", null);
      job.getSpec().setSparkConf(conf);
      assertOnly(job, "spec.sparkConf[spark.sql.shuffle.partitions]", "must have a value");
    }

    @Test
    void ordinaryKeysAreFine() {
      SparkBatchJob job = sparkPi();
      job.getSpec()
          .setSparkConf(
              Map.of("spark.sql.shuffle.partitions", "200", "spark.hadoop.fs.s3a.endpoint", "x"));
      assertThat(violations(job)).isEmpty();
    }
  }

  @Test
  void hadoopConfKeysHaveNoSparkHadoopPrefix() {
    SparkBatchJob job = sparkPi();
    job.getSpec().setHadoopConf(Map.of("fs.s3a.endpoint", "http://minio:9000"));
    assertThat(violations(job)).isEmpty();
    job.getSpec().setHadoopConf(Map.of("spark.hadoop.fs.s3a.endpoint", "http://minio:9000"));
    assertOnly(
        job, "spec.hadoopConf[spark.hadoop.fs.s3a.endpoint]", "adds the spark.hadoop. prefix");
  }

  @Nested
  class Deps {
    private Dependencies deps(SparkBatchJob job) {
      Dependencies deps = new Dependencies();
      job.getSpec().setDeps(deps);
      return deps;
    }

    @Test
    void packagesAreMavenCoordinates() {
      SparkBatchJob job = sparkPi();
      deps(job).setPackages(List.of("org.apache.hadoop:hadoop-aws:3.4.2", "g/a/1"));
      assertThat(violations(job)).isEmpty();
      deps(job).setPackages(List.of("org.apache.hadoop:hadoop-aws"));
      assertOnly(job, "spec.deps.packages[0]", "must be groupId:artifactId:version");
    }

    @Test
    void excludePackagesAreGroupAndArtifact() {
      SparkBatchJob job = sparkPi();
      deps(job).setExcludePackages(List.of("com.amazonaws:aws-java-sdk-bundle"));
      assertThat(violations(job)).isEmpty();
      deps(job).setExcludePackages(List.of("com.amazonaws:aws-java-sdk-bundle:1.12.0"));
      assertOnly(job, "spec.deps.excludePackages[0]", "must be groupId:artifactId");
    }

    @Test
    void entriesHoldNoCommasBecauseSparkJoinsThemWithCommas() {
      SparkBatchJob job = sparkPi();
      deps(job).setJars(List.of("local:///a.jar,local:///b.jar"));
      assertOnly(job, "spec.deps.jars[0]", "without commas");
    }

    @Test
    void entriesAreNotEmpty() {
      SparkBatchJob job = sparkPi();
      deps(job).setFiles(List.of(""));
      assertOnly(job, "spec.deps.files[0]", "must not be empty");
    }

    /** CEL: self.type == 'Python' || !has(self.deps) || ... || size(self.deps.pyFiles) == 0 */
    @Test
    void pyFilesOnlyForPython() {
      SparkBatchJob job = sparkPi();
      deps(job).setPyFiles(List.of("local:///opt/app/lib.zip"));
      assertOnly(job, "spec.deps.pyFiles", "only allowed when spec.type is Python");
      SparkBatchJob python = pysparkPi();
      deps(python).setPyFiles(List.of("local:///opt/app/lib.zip"));
      assertThat(violations(python)).isEmpty();
      deps(job).setPyFiles(List.of());
      assertThat(violations(job)).isEmpty();
    }
  }

  @Nested
  class Volumes {
    private Volume emptyDir(String name) {
      return new VolumeBuilder().withName(name).withNewEmptyDir().endEmptyDir().build();
    }

    @Test
    void namesAreUnique() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setVolumes(List.of(emptyDir("scratch"), emptyDir("scratch")));
      assertOnly(job, "spec.volumes[1].name", "declared twice");
    }

    @Test
    void namesAreSet() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setVolumes(List.of(new Volume()));
      assertOnly(job, "spec.volumes[0].name", "must be set");
    }

    @Test
    void namesAreDnsLabels() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setVolumes(List.of(emptyDir("Scratch_Dir")));
      assertOnly(job, "spec.volumes[0].name", "lower case letters");
    }

    @Test
    void ephemeralClaimsStayInTheJobsNamespace() {
      SparkBatchJob job = sparkPi();
      Volume volume =
          new VolumeBuilder()
              .withName("spark-local-dir-1")
              .withNewEphemeral()
              .withNewVolumeClaimTemplate()
              .withNewMetadata()
              .withNamespace("other")
              .endMetadata()
              .endVolumeClaimTemplate()
              .endEphemeral()
              .build();
      job.getSpec().setVolumes(List.of(volume));
      assertOnly(
          job, "spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.namespace", "must be unset");
    }
  }

  @Nested
  class DynamicAllocationRules {
    private DynamicAllocation allocation(
        SparkBatchJob job, Integer min, Integer initial, Integer max) {
      DynamicAllocation da = new DynamicAllocation();
      da.setEnabled(true);
      da.setMinExecutors(min);
      da.setInitialExecutors(initial);
      da.setMaxExecutors(max);
      job.getSpec().setDynamicAllocation(da);
      return da;
    }

    @Test
    void boundsInOrderAreFine() {
      SparkBatchJob job = sparkPi();
      allocation(job, 1, 2, 10);
      assertThat(violations(job)).isEmpty();
      allocation(job, null, null, null);
      assertThat(violations(job)).isEmpty();
    }

    @Test
    void countsAreNotNegative() {
      SparkBatchJob job = sparkPi();
      allocation(job, -1, null, null);
      assertOnly(job, "spec.dynamicAllocation.minExecutors", "must be >= 0, got -1");
      allocation(job, null, -2, null);
      assertOnly(job, "spec.dynamicAllocation.initialExecutors", "must be >= 0, got -2");
      allocation(job, null, null, -3);
      assertOnly(job, "spec.dynamicAllocation.maxExecutors", "must be >= 0, got -3");
    }

    /** CEL: !has(self.minExecutors) || !has(self.maxExecutors) || min <= max */
    @Test
    void minDoesNotExceedMax() {
      SparkBatchJob job = sparkPi();
      allocation(job, 5, null, 2);
      assertOnly(job, "spec.dynamicAllocation.minExecutors", "must be <= maxExecutors (2), got 5");
    }

    @Test
    void initialIsWithinMinAndMax() {
      SparkBatchJob job = sparkPi();
      allocation(job, 2, 1, 10);
      assertOnly(
          job, "spec.dynamicAllocation.initialExecutors", "must be >= minExecutors (2), got 1");
      allocation(job, 2, 11, 10);
      assertOnly(
          job, "spec.dynamicAllocation.initialExecutors", "must be <= maxExecutors (10), got 11");
    }

    @Test
    void maxIsNotZeroWhenEnabled() {
      SparkBatchJob job = sparkPi();
      allocation(job, 0, 0, 0);
      assertOnly(job, "spec.dynamicAllocation.maxExecutors", "must be > 0");
      job.getSpec().getDynamicAllocation().setEnabled(false);
      assertThat(violations(job)).isEmpty();
    }
  }

  @Nested
  class Restarts {
    private RestartPolicy policy(SparkBatchJob job, RestartPolicyType type, Integer retries) {
      RestartPolicy policy = new RestartPolicy();
      policy.setType(type);
      policy.setOnFailureRetries(retries);
      job.getSpec().setRestartPolicy(policy);
      return policy;
    }

    /** CEL: self.type != 'Never' || !has(self.onFailureRetries) || self.onFailureRetries == 0 */
    @Test
    void neverTakesNoRetries() {
      SparkBatchJob job = sparkPi();
      policy(job, RestartPolicyType.NEVER, 3);
      assertOnly(job, "spec.restartPolicy.onFailureRetries", "needs type OnFailure or Always");
      policy(job, RestartPolicyType.NEVER, 0);
      assertThat(violations(job)).isEmpty();
    }

    @Test
    void unsetTypeIsNever() {
      SparkBatchJob job = sparkPi();
      policy(job, null, 2);
      assertOnly(job, "spec.restartPolicy.onFailureRetries", "needs type OnFailure or Always");
    }

    @Test
    void onFailureAndAlwaysTakeRetries() {
      SparkBatchJob job = sparkPi();
      policy(job, RestartPolicyType.ON_FAILURE, 3);
      assertThat(violations(job)).isEmpty();
      policy(job, RestartPolicyType.ALWAYS, 3);
      assertThat(violations(job)).isEmpty();
    }

    @Test
    void countsAndIntervalsAreNotNegative() {
      SparkBatchJob job = sparkPi();
      RestartPolicy policy = policy(job, RestartPolicyType.ON_FAILURE, -1);
      policy.setOnFailureRetryInterval(-10L);
      policy.setOnSubmissionFailureRetries(-1);
      policy.setOnSubmissionFailureRetryInterval(-1L);
      policy.setMaxRetryInterval(-5L);
      assertThat(violations(job))
          .extracting(SpecViolation::toString)
          .containsExactly(
              "spec.restartPolicy.onFailureRetries: must be >= 0, got -1",
              "spec.restartPolicy.onFailureRetryInterval: must be >= 0, got -10",
              "spec.restartPolicy.onSubmissionFailureRetries: must be >= 0, got -1",
              "spec.restartPolicy.onSubmissionFailureRetryInterval: must be >= 0, got -1",
              "spec.restartPolicy.maxRetryInterval: must be >= 0, got -5");
    }
  }

  @Nested
  class TimeLimits {
    @Test
    void timeoutsArePositive() {
      SparkBatchJob job = sparkPi();
      Timeouts timeouts = new Timeouts();
      timeouts.setDriverStartSeconds(0L);
      timeouts.setActiveDeadlineSeconds(0L);
      job.getSpec().setTimeouts(timeouts);
      assertThat(violations(job))
          .extracting(SpecViolation::toString)
          .containsExactly(
              "spec.timeouts.driverStartSeconds: must be >= 1, got 0",
              "spec.timeouts.activeDeadlineSeconds: must be >= 1, got 0");
    }

    @Test
    void cleanupDelaysAreNotNegative() {
      SparkBatchJob job = sparkPi();
      job.getSpec().setTimeToLiveSeconds(-1L);
      job.getSpec().setReleaseResourcesAfterSeconds(-1L);
      assertThat(violations(job))
          .extracting(SpecViolation::toString)
          .containsExactly(
              "spec.timeToLiveSeconds: must be >= 0, got -1",
              "spec.releaseResourcesAfterSeconds: must be >= 0, got -1");
      job.getSpec().setTimeToLiveSeconds(0L);
      job.getSpec().setReleaseResourcesAfterSeconds(0L);
      assertThat(violations(job)).isEmpty();
    }
  }

  /**
   * The CRD's CEL rules cannot be evaluated here (no CEL library on the classpath), so each one is
   * mirrored by SparkBatchJobValidator and tested above. A rule added to the CRD without a mirror
   * fails this test.
   */
  @Test
  void everyCelRuleOfTheCrdIsMirroredAndTested() throws IOException {
    Map<String, String> mirroredBy =
        Map.of(
            "self.type != 'Python' || self.mainApplicationFile.endsWith('.py')",
            "ApplicationFile.pythonNeedsAPyFile",
            "self.type != 'R' || self.mainApplicationFile.endsWith('.R') ||"
                + " self.mainApplicationFile.endsWith('.r')",
            "ApplicationFile.rNeedsAnRFile",
            "self.type == 'Python' || !has(self.deps) || !has(self.deps.pyFiles) ||"
                + " size(self.deps.pyFiles) == 0",
            "Deps.pyFilesOnlyForPython",
            "!has(self.minExecutors) || !has(self.maxExecutors) || self.minExecutors <="
                + " self.maxExecutors",
            "DynamicAllocationRules.minDoesNotExceedMax",
            "self.type != 'Never' || !has(self.onFailureRetries) || self.onFailureRetries == 0",
            "Restarts.neverTakesNoRetries");
    String crd =
        Files.readString(CrdGeneration.projectRoot().resolve(CrdGeneration.COMMITTED.get(0)));
    Set<String> rules = new TreeSet<>();
    collectCelRules(StrictSerialization.tree(crd), rules);
    assertThat(rules).containsExactlyInAnyOrderElementsOf(mirroredBy.keySet());
  }

  private static void collectCelRules(JsonNode node, Set<String> rules) {
    for (JsonNode validation : node.path("x-kubernetes-validations")) {
      rules.add(validation.path("rule").asText());
    }
    List<JsonNode> children = new ArrayList<>();
    node.elements().forEachRemaining(children::add);
    children.forEach(child -> collectCelRules(child, rules));
  }
}
