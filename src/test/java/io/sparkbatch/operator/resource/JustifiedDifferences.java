package io.sparkbatch.operator.resource;

import io.sparkbatch.operator.resource.FlatTree.Difference;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The differences between the operator's driver objects and Spark's own that {@link
 * SparkDriverFidelityTest} accepts, each with its reason. docs/spark-compatibility.md has the same
 * entries (the test checks it); a new entry belongs in both.
 */
final class JustifiedDifferences {

  static final String ANY = ".*";
  static final String ABSENT = "<absent>";

  /**
   * A difference the operator makes on purpose. It matches a difference whose path matches {@code
   * path} and whose values match {@code operator} and {@code spark} ({@value #ABSENT} for a field
   * the side does not have; {@value #ANY} matches anything, absence included).
   */
  record Justified(String id, String path, String operator, String spark, String reason) {
    boolean matches(Difference d) {
      return Pattern.matches(path, d.path())
          && value(operator, d.operator())
          && value(spark, d.spark());
    }

    private static boolean value(String regex, String value) {
      return Pattern.compile(regex, Pattern.DOTALL)
          .matcher(value == null ? ABSENT : value)
          .matches();
    }
  }

  private static final String OPERATOR_LABEL =
      "(app\\.kubernetes\\.io/managed-by|sparkbatch\\.io/job-name|sparkbatch\\.io/attempt)";
  private static final String DRIVER = "pod\\.spec\\.containers\\[spark-kubernetes-driver\\]";

  static final List<Justified> ALL =
      List.of(
          new Justified(
              "operator-labels",
              "(pod|service|configMap)\\.metadata\\.labels\\["
                  + OPERATOR_LABEL
                  + "\\]"
                  + "|properties\\[spark\\.kubernetes\\.executor\\.label\\."
                  + OPERATOR_LABEL
                  + "\\]"
                  + "|configMap\\.metadata\\.labels\\.spark-app-selector",
              ANY,
              ABSENT,
              "The operator's labels on everything it creates, executors included: one"
                  + " label-scoped informer sees them all and ties each to its job and attempt."),
          new Justified(
              "owner-references",
              "(pod|service|configMap)\\.metadata\\.ownerReferences\\[.*",
              ANY,
              ABSENT,
              "The SparkBatchJob owns the driver pod, Service and ConfigMap, so deleting the job"
                  + " deletes them; Spark's client makes the driver pod their owner after creating"
                  + " it."),
          new Justified(
              "namespace-in-metadata",
              "(pod|service)\\.metadata\\.namespace",
              ANY,
              ABSENT,
              "The operator writes the namespace into the objects; Spark's client creates them in"
                  + " spark.kubernetes.namespace. Same namespace either way."),
          new Justified(
              "pod-annotations",
              "pod\\.metadata\\.annotations\\[(kubectl\\.kubernetes\\.io/default-container"
                  + "|sparkbatch\\.io/generation)\\]",
              ANY,
              ABSENT,
              "kubectl logs/exec pick the Spark container when a template adds sidecars; the"
                  + " generation records which spec the pod runs."),
          new Justified(
              "spark-version-label",
              "(pod\\.metadata\\.labels|service\\.spec\\.selector)\\.spark-version",
              ANY,
              ANY,
              "Spark labels the driver with the version of the spark-submit that ran; the"
                  + " operator runs no spark-submit and labels it with spec.sparkVersion when the"
                  + " spec states it (the image's Spark, which the operator cannot see)."),
          new Justified(
              "service-selector",
              "service\\.spec\\.selector\\..*",
              ABSENT,
              ANY,
              "Spark's Service selects every driver label; the operator's selects"
                  + " spark-app-selector"
                  + " and spark-role=driver, which already match only this attempt's driver."),
          new Justified(
              "service-ip-family",
              "service\\.spec\\.(ipFamilies|ipFamilyPolicy)",
              ABSENT,
              ANY,
              "Spark pins the driver Service to SingleStack IPv4 by default; the operator leaves"
                  + " the family to the cluster (so IPv6-only clusters work) unless"
                  + " spark.kubernetes.driver.service.ipFamilyPolicy or ipFamilies is set."),
          new Justified(
              "service-port-protocol",
              "service\\.spec\\.ports\\[[a-z-]+\\]\\.protocol",
              "TCP",
              ABSENT,
              "The operator states TCP, the API server's default for a Service port."),
          new Justified(
              "spark-connect-port",
              "(" + DRIVER + "|service\\.spec)\\.ports\\[spark-connect\\]\\..*",
              ABSENT,
              ANY,
              "Spark 4 opens the Spark Connect port 15002 on every driver; a batch job runs no"
                  + " Connect server, so the operator exposes 7078, 7079 and 4040 only."),
          new Justified(
              "conf-map-name",
              "configMap\\.metadata\\.name|pod\\.spec\\.volumes\\[spark-conf-volume-driver\\]"
                  + "\\.configMap\\.name",
              "[a-z0-9.-]+-spark-conf",
              "spark-drv-[0-9a-f]+-conf-map",
              "Spark names the ConfigMap spark-drv-<random id>-conf-map; the operator's is"
                  + " <job name>-spark-conf, so a restarted operator finds it again."),
          new Justified(
              "conf-map-immutable",
              "configMap\\.immutable",
              ABSENT,
              "true",
              "The operator keeps one ConfigMap per job and rewrites it for each attempt; Spark"
                  + " creates a new one per submission."),
          new Justified(
              "conf-map-namespace-key",
              "configMap\\.data\\[spark\\.kubernetes\\.namespace\\]",
              ABSENT,
              ANY,
              "Spark's client adds the namespace as an extra ConfigMap key that is not mounted;"
                  + " the operator has spark.kubernetes.namespace in spark.properties."),
          new Justified(
              "local-dir-name",
              DRIVER
                  + "\\.(env\\[SPARK_LOCAL_DIRS\\]\\.value|volumeMounts\\[spark-local-dir-1\\]"
                  + "\\.mountPath)",
              "/var/data/spark-local-dir-1",
              "/var/data/spark-[0-9a-f-]{36}",
              "Spark's default scratch directory has a random name; the operator's is fixed, so"
                  + " the same spec always gives the same pod."),
          new Justified(
              "driver-service-account",
              "pod\\.spec\\.serviceAccount(Name)?"
                  + "|properties\\[spark\\.kubernetes\\.authenticate\\.driver"
                  + "\\.serviceAccountName\\]",
              "spark-batch-driver",
              ABSENT,
              "A driver whose spec names no service account gets the one the operator manages"
                  + " (with the RBAC Spark needs to create executors); spark-submit would use the"
                  + " namespace's default account."),
          new Justified(
              "submit-time",
              "properties\\[spark\\.app\\.submitTime\\]",
              ABSENT,
              "[0-9]+",
              "spark-submit records the time it ran; the operator's properties hold no time, so"
                  + " the same spec always gives the same bytes (the job's status has the times)."),
          new Justified(
              "empty-py-files",
              "properties\\[spark\\.submit\\.pyFiles\\]",
              ABSENT,
              "",
              "spark-submit writes an empty spark.submit.pyFiles; unset means the same."),
          new Justified(
              "executor-pod-name-prefix",
              "properties\\[spark\\.kubernetes\\.executor\\.podNamePrefix\\]",
              "[a-z0-9-]+-[0-9]+",
              ABSENT,
              "Spark names executors <app name>-<random id>-exec-N; the operator names them"
                  + " <job name>-<attempt>-exec-N, so each attempt's executors are told apart."),
          new Justified(
              "driver-pod-name",
              "pod\\.metadata\\.name|properties\\[spark\\.kubernetes\\.driver\\.pod\\.name\\]",
              "[a-z0-9.-]+-driver",
              ANY,
              "The driver pod is always <job name>-driver, the name Airflow and users follow;"
                  + " `convert` drops spark.kubernetes.driver.pod.name with a warning."),
          new Justified(
              "long-service-name",
              "service\\.metadata\\.name|properties\\[spark\\.driver\\.host\\]",
              "[a-z0-9-]+-[0-9a-f]{10}-driver-svc(\\..+)?",
              "spark-[0-9a-f]+-driver-svc(\\..+)?",
              "When <name>-driver-svc is longer than a DNS label, Spark falls back to a random"
                  + " name; the operator cuts the name and adds a hash of it, so a restarted"
                  + " operator finds the Service again."),
          new Justified(
              "explicit-defaults",
              DRIVER
                  + "\\.volumeMounts\\[[a-z0-9-]+\\]\\.(readOnly|subPath|subPathExpr)"
                  + "|pod\\.spec\\.volumes\\[[a-z0-9-]+\\]"
                  + "\\.(hostPath\\.type|persistentVolumeClaim\\.readOnly)",
              ABSENT,
              "false|",
              "Spark writes readOnly: false, subPath: \"\" and hostPath type \"\" into volumes"
                  + " it mounts; the operator leaves them out, which Kubernetes reads the same."),
          new Justified(
              "driver-settings-as-fields",
              "properties\\[spark\\.kubernetes\\.(driver\\.(label|annotation|node\\.selector"
                  + "|volumes|secrets|secretKeyRef)\\..+|driver\\.scheduler\\.name|driverEnv\\..+)\\]",
              ABSENT,
              ANY,
              "`convert` turns the driver's pod settings into spec.driver fields (labels,"
                  + " annotations, nodeSelector, volumes, env, schedulerName), which the operator"
                  + " applies to the pod it builds (the pod fields match Spark's); only Spark's"
                  + " driver builder reads these keys, so spark.properties does not repeat them."),
          new Justified(
              "shared-settings-per-role",
              "properties\\[spark\\.kubernetes\\.(executor\\.)?"
                  + "(node\\.selector\\..+|scheduler\\.name)\\]",
              ANY,
              ANY,
              "spark.kubernetes.node.selector.* and spark.kubernetes.scheduler.name become the"
                  + " driver's and the executors' own fields; executors get them as"
                  + " spark.kubernetes.executor.node.selector.* and executor.scheduler.name, with"
                  + " the same effect."),
          new Justified(
              "driver-template-keys",
              "properties\\[spark\\.kubernetes\\.driver\\.podTemplate(File|ContainerName)\\]",
              ABSENT,
              ANY,
              "The operator builds the driver pod from spec.driver.template itself; the driver"
                  + " never reads the template file."),
          new Justified(
              "executor-template",
              "configMap\\.data\\[executor-pod-template\\.yaml\\]"
                  + "|pod\\.spec\\.volumes\\[spark-conf-volume-driver\\]\\.configMap\\.items"
                  + "\\[executor-pod-template\\.yaml\\]\\..+"
                  + "|properties\\[spark\\.kubernetes\\.executor"
                  + "\\.podTemplate(File|ContainerName)\\]"
                  + "|properties\\[(spark\\.kubernetes\\.executor\\.secretKeyRef"
                  + "|spark\\.executorEnv)\\..+\\]",
              ANY,
              ANY,
              "Executor settings only a pod can carry (env from Secrets, tolerations, volumes...)"
                  + " go into an executor pod template the operator writes into the ConfigMap;"
                  + " the executors' env then travels in that template, not as"
                  + " spark.executorEnv.* or secretKeyRef properties."),
          new Justified(
              "shuffle-tracking",
              "properties\\[spark\\.dynamicAllocation\\.shuffleTracking\\.enabled\\]",
              "true",
              ABSENT,
              "With dynamic allocation on, the operator states shuffle tracking (unless the spec"
                  + " does): Kubernetes has no external shuffle service, and without tracking"
                  + " Spark refuses to scale. Spark 4.1.1 defaults it to true, so its driver"
                  + " behaves the same; the explicit value does not depend on the image's"
                  + " default."));

  private JustifiedDifferences() {}
}
