package io.sparkbatch.operator.resource;

import java.util.ArrayList;
import java.util.List;

/**
 * The spark-submit command lines the fidelity test gives both to the operator (through the {@code
 * convert} command's parser) and to Spark's own submission code. They cover the golden cases of
 * src/test/resources/driver that spark-submit can express, and the driver settings spark-submit
 * users set most.
 *
 * <p>The S3 case leaves out the golden case's {@code --packages}: spark-submit would resolve them
 * from Maven Central on the submitting machine. Object-store URIs (s3a://) pass through, as
 * spark-submit passes them when it finds them.
 */
final class SubmitCases {

  static final String MASTER = "k8s://https://kubernetes.default.svc";

  /**
   * One job.
   *
   * @param name the job's name and the application's --name
   * @param namespace spark.kubernetes.namespace
   * @param uid the job's metadata.uid, which gives the application id
   * @param args spark-submit's arguments after --master, --deploy-mode, --name and the namespace
   * @param driverTemplate a driver pod template (YAML of a Pod), or null: Spark reads it from
   *     spark.kubernetes.driver.podTemplateFile, the operator from spec.driver.template
   */
  record SubmitCase(
      String name, String namespace, String uid, List<String> args, String driverTemplate) {

    /** The full spark-submit argument list, without spark-submit itself. */
    List<String> submitArgs() {
      List<String> all = new ArrayList<>();
      all.addAll(List.of("--master", MASTER, "--deploy-mode", "cluster", "--name", name));
      all.addAll(List.of("--conf", "spark.kubernetes.namespace=" + namespace));
      all.addAll(args);
      return all;
    }

    /** The command as a shell line, each argument single-quoted. */
    String commandLine() {
      StringBuilder line = new StringBuilder("spark-submit");
      for (String arg : submitArgs()) {
        line.append(" '").append(arg.replace("'", "'\\''")).append('\'');
      }
      return line.toString();
    }
  }

  private SubmitCases() {}

  static List<SubmitCase> all() {
    return List.of(
        new SubmitCase(
            "spark-pi",
            "analytics",
            "5c6a8f0e-1b2d-4e3f-9a8b-7c6d5e4f3a2b",
            List.of(
                "--class",
                "org.apache.spark.examples.SparkPi",
                "--conf",
                "spark.kubernetes.container.image=apache/spark:4.0.0",
                "--driver-cores",
                "1",
                "--driver-memory",
                "512m",
                "--num-executors",
                "2",
                "--executor-cores",
                "1",
                "--executor-memory",
                "512m",
                "local:///opt/spark/examples/jars/spark-examples.jar",
                "1000"),
            null),
        new SubmitCase(
            "word-count",
            "analytics",
            "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f",
            List.of(
                "--conf",
                "spark.kubernetes.container.image=apache/spark:3.5.5-python3",
                "--conf",
                "spark.kubernetes.container.image.pullPolicy=Always",
                "--conf",
                "spark.pyspark.python=python3",
                "--conf",
                "spark.sql.shuffle.partitions=64",
                "--py-files",
                "s3a://jobs/lib/text_utils.zip,s3a://jobs/lib/stopwords.py",
                "--files",
                "s3a://jobs/conf/settings.json",
                "--driver-cores",
                "1",
                "--driver-memory",
                "2g",
                "--num-executors",
                "3",
                "--executor-cores",
                "2",
                "--executor-memory",
                "4g",
                "s3a://jobs/word_count.py",
                "s3a://data/books/",
                "--top",
                "20"),
            null),
        new SubmitCase(
            "big-join",
            "analytics",
            "7e6d5c4b-3a29-4817-b6c5-d4e3f2a1b0c9",
            List.of(
                "--class",
                "com.example.BigJoin",
                "--conf",
                "spark.kubernetes.container.image=apache/spark:4.0.0",
                "--driver-cores",
                "2",
                "--conf",
                "spark.kubernetes.driver.request.cores=1500m",
                "--conf",
                "spark.kubernetes.driver.limit.cores=4",
                "--driver-memory",
                "4g",
                "--conf",
                "spark.driver.extraJavaOptions=-XX:+UseG1GC -Dlog4j2.level=info",
                "--num-executors",
                "10",
                "--executor-cores",
                "4",
                "--executor-memory",
                "8g",
                "--conf",
                "spark.executor.memoryOverhead=2g",
                "--conf",
                "spark.executor.extraJavaOptions=-XX:+UseG1GC",
                "local:///opt/app/big-join.jar"),
            null),
        new SubmitCase(
            "sessionize",
            "analytics",
            "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
            List.of(
                "--class",
                "com.example.Sessionize",
                "--conf",
                "spark.kubernetes.container.image=registry.example.com/sessionize:2.1.0",
                "--conf",
                "spark.kubernetes.driver.label.team=web",
                "--conf",
                "spark.kubernetes.driver.label.cost-center=4711",
                "--conf",
                "spark.kubernetes.driver.label.run={{APP_ID}}",
                "--conf",
                "spark.kubernetes.driver.annotation.example.com/owner=data-platform",
                "--conf",
                "spark.kubernetes.driver.annotation.app-id={{APP_ID}}",
                "--conf",
                "spark.kubernetes.node.selector.kubernetes.io/arch=amd64",
                "--conf",
                "spark.kubernetes.driver.node.selector.node-pool=drivers",
                "--conf",
                "spark.kubernetes.authenticate.driver.serviceAccountName=sessionize-driver",
                "--conf",
                "spark.kubernetes.driver.scheduler.name=yunikorn",
                "--conf",
                "spark.kubernetes.driver.volumes.persistentVolumeClaim.scratch.mount.path=/scratch",
                "--conf",
                "spark.kubernetes.driver.volumes.persistentVolumeClaim.scratch.options.claimName"
                    + "=sessionize-scratch",
                "--driver-cores",
                "1",
                "--driver-memory",
                "1g",
                "--num-executors",
                "5",
                "--executor-cores",
                "2",
                "--executor-memory",
                "3g",
                "--conf",
                "spark.kubernetes.executor.label.team=web",
                "--conf",
                "spark.kubernetes.executor.label.run={{APP_ID}}",
                "--conf",
                "spark.kubernetes.executor.node.selector.node-pool=executors",
                "--conf",
                "spark.kubernetes.executor.deleteOnTermination=false",
                "local:///opt/app/sessionize.jar"),
            """
            apiVersion: v1
            kind: Pod
            metadata:
              labels:
                team: template-team
                from-template: "yes"
              annotations:
                prometheus.io/scrape: "true"
            spec:
              priorityClassName: batch-high
              securityContext:
                fsGroup: 185
              hostAliases:
                - ip: 10.0.0.5
                  hostnames: [metastore.internal]
              tolerations:
                - key: dedicated
                  operator: Equal
                  value: spark
                  effect: NoSchedule
              initContainers:
                - name: wait-for-metastore
                  image: busybox:1.36
                  command: ["sh", "-c", "until nc -z metastore.internal 9083; do sleep 2; done"]
              containers:
                - name: log-shipper
                  image: fluent/fluent-bit:3.0
                  volumeMounts:
                    - name: lookup
                      mountPath: /lookup
                - name: spark-kubernetes-driver
                  securityContext:
                    runAsNonRoot: true
                    allowPrivilegeEscalation: false
                  env:
                    - name: TZ
                      value: UTC
                  envFrom:
                    - configMapRef: {name: sessionize-settings}
                  resources:
                    limits:
                      ephemeral-storage: 2Gi
                  volumeMounts:
                    - name: lookup
                      mountPath: /etc/lookup
                      readOnly: true
              volumes:
                - name: lookup
                  configMap: {name: sessionize-lookup}
            """),
        new SubmitCase(
            "adhoc-report",
            "analytics",
            "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901",
            List.of(
                "--class",
                "com.example.Report",
                "--conf",
                "spark.kubernetes.container.image=apache/spark:4.0.0",
                "--conf",
                "spark.dynamicAllocation.enabled=true",
                "--conf",
                "spark.dynamicAllocation.initialExecutors=2",
                "--conf",
                "spark.dynamicAllocation.minExecutors=1",
                "--conf",
                "spark.dynamicAllocation.maxExecutors=20",
                "--executor-cores",
                "2",
                "--executor-memory",
                "2g",
                "local:///opt/app/report.jar"),
            null),
        new SubmitCase(
            "daily-etl",
            "etl",
            "3d4c5b6a-7e8f-4091-a2b3-c4d5e6f70819",
            List.of(
                "--class",
                "com.example.etl.DailyJob",
                "--conf",
                "spark.kubernetes.container.image=registry.example.com/spark:3.5.5-hadoop-aws",
                "--conf",
                "spark.kubernetes.container.image.pullSecrets=registry-credentials",
                "--conf",
                "spark.hadoop.fs.s3a.endpoint=https://s3.eu-west-1.amazonaws.com",
                "--conf",
                "spark.hadoop.fs.s3a.path.style.access=true",
                "--conf",
                "spark.hadoop.fs.s3a.aws.credentials.provider="
                    + "com.amazonaws.auth.EnvironmentVariableCredentialsProvider",
                "--conf",
                "spark.eventLog.enabled=true",
                "--conf",
                "spark.eventLog.dir=s3a://spark-logs/events",
                "--repositories",
                "https://repo.example.com/maven",
                "--driver-cores",
                "2",
                "--conf",
                "spark.kubernetes.driver.limit.cores=2",
                "--driver-memory",
                "2g",
                "--conf",
                "spark.kubernetes.driver.secretKeyRef.AWS_ACCESS_KEY_ID=s3-credentials:access-key",
                "--conf",
                "spark.kubernetes.driver.secretKeyRef.AWS_SECRET_ACCESS_KEY"
                    + "=s3-credentials:secret-key",
                "--conf",
                "spark.kubernetes.driverEnv.ETL_ENV=production",
                "--num-executors",
                "4",
                "--executor-cores",
                "4",
                "--conf",
                "spark.kubernetes.executor.request.cores=3500m",
                "--executor-memory",
                "8g",
                "--conf",
                "spark.kubernetes.executor.secretKeyRef.AWS_ACCESS_KEY_ID"
                    + "=s3-credentials:access-key",
                "--conf",
                "spark.kubernetes.executor.secretKeyRef.AWS_SECRET_ACCESS_KEY"
                    + "=s3-credentials:secret-key",
                "--conf",
                "spark.executorEnv.ETL_ENV=production",
                "s3a://artifacts/etl/daily-etl-assembly-1.4.2.jar",
                "--date",
                "2024-06-01"),
            null),
        new SubmitCase(
            "nightly-customer-lifetime-value-recomputation-for-all-regions",
            "marketing-analytics",
            "11111111-2222-4333-8444-555555555555",
            List.of(
                "--class",
                "com.example.clv.Recompute",
                "--conf",
                "spark.kubernetes.container.image=registry.example.com/clv:1.0.0",
                "local:///opt/app/clv.jar"),
            null),
        new SubmitCase(
            "driver-settings",
            "team-a",
            "44444444-5555-4666-8777-888888888888",
            List.of(
                "--class",
                "com.example.Settings",
                "--conf",
                "spark.kubernetes.driver.container.image=registry.example.com/driver:1.0",
                "--conf",
                "spark.kubernetes.executor.container.image=registry.example.com/exec:1.0",
                "--conf",
                "spark.kubernetes.container.image.pullSecrets=pull-a,pull-b",
                "--conf",
                "spark.kubernetes.scheduler.name=volcano",
                "--conf",
                "spark.kubernetes.driverEnv.TZ=Europe/Berlin",
                "--conf",
                "spark.kubernetes.driverEnv.MODE=batch",
                "--conf",
                "spark.kubernetes.driver.service.label.exposed=yes",
                "--conf",
                "spark.kubernetes.driver.service.annotation.example.com/owner=team-a",
                "--conf",
                "spark.kubernetes.authenticate.driver.serviceAccountName=spark",
                "--conf",
                "spark.driver.memoryOverheadFactor=0.2",
                "--conf",
                "spark.driver.minMemoryOverhead=500m",
                "--conf",
                "spark.kubernetes.local.dirs.tmpfs=true",
                "--conf",
                "spark.local.dir=/tmp/spark-a,/tmp/spark-b",
                "--conf",
                "spark.kubernetes.driver.volumes.hostPath.data.mount.path=/data",
                "--conf",
                "spark.kubernetes.driver.volumes.hostPath.data.mount.readOnly=true",
                "--conf",
                "spark.kubernetes.driver.volumes.hostPath.data.options.path=/mnt/data",
                "--conf",
                "spark.kubernetes.driver.volumes.emptyDir.cache.mount.path=/cache",
                "--conf",
                "spark.kubernetes.driver.volumes.emptyDir.cache.options.medium=Memory",
                "--conf",
                "spark.kubernetes.driver.volumes.emptyDir.cache.options.sizeLimit=1Gi",
                "--conf",
                "spark.kubernetes.driver.volumes.nfs.share.mount.path=/share",
                "--conf",
                "spark.kubernetes.driver.volumes.nfs.share.options.server=nfs.example.com",
                "--conf",
                "spark.kubernetes.driver.volumes.nfs.share.options.path=/exports",
                "--jars",
                "local:///opt/lib/extra.jar",
                "--files",
                "https://files.example.com/settings.json",
                "--proxy-user",
                "alice",
                "--driver-memory",
                "3g",
                "local:///opt/app/settings.jar",
                "--flag"),
            null),
        new SubmitCase(
            "r-report",
            "team-b",
            "55555555-6666-4777-8888-999999999999",
            List.of(
                "--conf",
                "spark.kubernetes.container.image=registry.example.com/spark-r:4.1.1",
                "--conf",
                "spark.kubernetes.driver.secrets.db-credentials=/etc/secrets/db",
                "--conf",
                "spark.kubernetes.driver.service.ipFamilyPolicy=PreferDualStack",
                "--conf",
                "spark.kubernetes.driver.service.ipFamilies=IPv4,IPv6",
                "--conf",
                "spark.driver.resource.gpu.amount=1",
                "--conf",
                "spark.driver.resource.gpu.vendor=nvidia.com",
                "--conf",
                "spark.driver.resource.gpu.discoveryScript=/opt/spark/getGpus.sh",
                "--conf",
                "spark.kubernetes.hadoop.configMapName=hadoop-conf",
                "--conf",
                "spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.claimName"
                    + "=OnDemand",
                "--conf",
                "spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.path=/data",
                "--archives",
                "https://files.example.com/env.tar.gz#env",
                "--driver-memory",
                "2g",
                "--conf",
                "spark.driver.memoryOverhead=1g",
                "local:///opt/app/report.R",
                "2024-06-01"),
            null),
        new SubmitCase(
            "py-overrides",
            "team-c",
            "66666666-7777-4888-8999-aaaaaaaaaaaa",
            List.of(
                "--conf",
                "spark.kubernetes.container.image=apache/spark:4.1.1-python3",
                "--conf",
                "spark.kubernetes.container.image.pullPolicy=Never",
                "--conf",
                "spark.pyspark.python=python3",
                "--conf",
                "spark.pyspark.driver.python=python3.11",
                "--conf",
                "spark.kubernetes.memoryOverheadFactor=0.25",
                "--conf",
                "spark.kubernetes.driver.pod.name=custom-driver",
                "--conf",
                "spark.kubernetes.driver.label.build={{EXECUTOR_ID}}x",
                "--driver-java-options",
                "-Dlog4j2.level=debug -XX:+UseZGC",
                "--driver-memory",
                "5g",
                "--py-files",
                "local:///opt/app/lib.zip",
                "local:///opt/app/main.py"),
            """
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: spark-kubernetes-driver
                  volumeMounts:
                    - name: spark-local-dir-1
                      mountPath: /scratch
              volumes:
                - name: spark-local-dir-1
                  persistentVolumeClaim: {claimName: scratch}
            """));
  }
}
