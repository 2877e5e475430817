package io.sparkbatch.operator;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.sparkbatch.operator.config.LeaderElection;
import io.sparkbatch.operator.config.MetricsConfig;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.config.UsagePrices;
import io.sparkbatch.operator.convert.ConvertCommand;
import io.sparkbatch.operator.metrics.OperatorMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The operator's command line. Without a subcommand it runs the operator against the cluster the
 * standard kubeconfig resolution finds (KUBECONFIG, ~/.kube/config, or the in-cluster service
 * account). Every option can also come from the environment variable named in its description.
 */
@Command(
    name = "spark-batch-operator",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = ConvertCommand.class,
    description = "Runs Apache Spark batch jobs declared as SparkBatchJob resources.")
public final class Main implements Callable<Integer> {

  @Option(
      names = "--namespaces",
      paramLabel = "NAMESPACE",
      split = ",",
      defaultValue = "${env:SBO_NAMESPACES:-}",
      description =
          "Comma-separated namespaces to watch; empty watches all (env SBO_NAMESPACES)."
              + " Default: all.")
  List<String> namespaces = List.of();

  @Option(
      names = "--reconcile-threads",
      paramLabel = "N",
      defaultValue = "${env:SBO_RECONCILE_THREADS:-10}",
      description =
          "Jobs reconciled in parallel (env SBO_RECONCILE_THREADS). Default: ${DEFAULT-VALUE}.")
  int reconcileThreads;

  @Option(
      names = "--driver-service-account",
      paramLabel = "NAME",
      defaultValue = "${env:SBO_DRIVER_SERVICE_ACCOUNT:-spark-batch-driver}",
      description =
          "Service account the operator manages for drivers in each job namespace"
              + " (env SBO_DRIVER_SERVICE_ACCOUNT). Default: ${DEFAULT-VALUE}.")
  String driverServiceAccount;

  @Option(
      names = "--manage-driver-rbac",
      negatable = true,
      defaultValue = "${env:SBO_MANAGE_DRIVER_RBAC:-true}",
      fallbackValue = "true",
      description =
          "Create the driver service account, Role and RoleBinding in job namespaces"
              + " (env SBO_MANAGE_DRIVER_RBAC). Default: ${DEFAULT-VALUE}.")
  boolean manageDriverRbac;

  @Option(
      names = "--spark-master",
      paramLabel = "URL",
      defaultValue = "${env:SBO_SPARK_MASTER:-" + OperatorConfig.DEFAULT_MASTER_URL + "}",
      description =
          "spark.master given to drivers (env SBO_SPARK_MASTER). Default: ${DEFAULT-VALUE}.")
  String masterUrl;

  @Option(
      names = "--driver-start-timeout",
      paramLabel = "SECONDS",
      defaultValue = "${env:SBO_DRIVER_START_TIMEOUT:-600}",
      description =
          "Seconds a driver may take to start when a job does not say"
              + " (env SBO_DRIVER_START_TIMEOUT). Default: ${DEFAULT-VALUE}.")
  long driverStartTimeoutSeconds;

  @Option(
      names = "--executor-status-interval",
      paramLabel = "SECONDS",
      defaultValue = "${env:SBO_EXECUTOR_STATUS_INTERVAL:-5}",
      description =
          "Least seconds between two status writes caused only by executor counts"
              + " (env SBO_EXECUTOR_STATUS_INTERVAL). Default: ${DEFAULT-VALUE}.")
  long executorStatusIntervalSeconds;

  @Option(
      names = "--metrics-port",
      defaultValue = "${env:SBO_METRICS_PORT:-8080}",
      description =
          "Port of /metrics, /healthz and /readyz; 0 picks a free port (env SBO_METRICS_PORT)."
              + " Default: ${DEFAULT-VALUE}.")
  int metricsPort;

  @Option(
      names = "--metrics-address",
      defaultValue = "${env:SBO_METRICS_ADDRESS:-0.0.0.0}",
      description =
          "Address /metrics, /healthz and /readyz bind to (env SBO_METRICS_ADDRESS)."
              + " Default: ${DEFAULT-VALUE}.")
  String metricsAddress;

  @Option(
      names = "--price-core-hour",
      defaultValue = "${env:SBO_PRICE_CORE_HOUR:-0}",
      description =
          "Price of one requested CPU core for an hour, for status.usage.estimatedCost; 0 writes"
              + " no estimate (env SBO_PRICE_CORE_HOUR). Default: ${DEFAULT-VALUE}.")
  double priceCoreHour;

  @Option(
      names = "--price-gib-hour",
      defaultValue = "${env:SBO_PRICE_GIB_HOUR:-0}",
      description =
          "Price of one requested GiB of memory for an hour, for status.usage.estimatedCost"
              + " (env SBO_PRICE_GIB_HOUR). Default: ${DEFAULT-VALUE}.")
  double priceGibHour;

  /** Where metrics are served, and the prices: what the options describe. */
  MetricsConfig metricsConfig() {
    return new MetricsConfig(
        metricsAddress, metricsPort, new UsagePrices(priceCoreHour, priceGibHour));
  }

  @Option(
      names = "--leader-election",
      negatable = true,
      defaultValue = "${env:SBO_LEADER_ELECTION:-false}",
      fallbackValue = "true",
      description =
          "Elect a leader through a coordination.k8s.io Lease; needed with more than one replica"
              + " (env SBO_LEADER_ELECTION). Default: ${DEFAULT-VALUE}.")
  boolean leaderElection;

  @Option(
      names = "--leader-election-lease-name",
      defaultValue =
          "${env:SBO_LEADER_ELECTION_LEASE_NAME:-" + LeaderElection.DEFAULT_LEASE_NAME + "}",
      description =
          "The Lease's name (env SBO_LEADER_ELECTION_LEASE_NAME). Default: ${DEFAULT-VALUE}.")
  String leaseName;

  @Option(
      names = "--leader-election-namespace",
      defaultValue = "${env:SBO_LEADER_ELECTION_NAMESPACE:-}",
      description =
          "The Lease's namespace (env SBO_LEADER_ELECTION_NAMESPACE; the chart sets the pod's own)."
              + " Default: the namespace of the pod's service account.")
  String leaseNamespace;

  @Option(
      names = "--leader-election-lease-duration",
      defaultValue = "${env:SBO_LEADER_ELECTION_LEASE_DURATION:-15}",
      description =
          "Seconds a Lease holds without renewal; about the longest failover"
              + " (env SBO_LEADER_ELECTION_LEASE_DURATION). Default: ${DEFAULT-VALUE}.")
  long leaseDurationSeconds;

  @Option(
      names = "--leader-election-renew-deadline",
      defaultValue = "${env:SBO_LEADER_ELECTION_RENEW_DEADLINE:-10}",
      description =
          "Seconds the leader tries to renew before it stops leading and exits"
              + " (env SBO_LEADER_ELECTION_RENEW_DEADLINE). Default: ${DEFAULT-VALUE}.")
  long renewDeadlineSeconds;

  @Option(
      names = "--leader-election-retry-period",
      defaultValue = "${env:SBO_LEADER_ELECTION_RETRY_PERIOD:-2}",
      description =
          "Seconds between attempts to acquire or renew the Lease"
              + " (env SBO_LEADER_ELECTION_RETRY_PERIOD). Default: ${DEFAULT-VALUE}.")
  long retryPeriodSeconds;

  @Option(
      names = "--leader-election-identity",
      defaultValue = "${env:SBO_LEADER_ELECTION_IDENTITY:-}",
      description =
          "This replica's name in the Lease (env SBO_LEADER_ELECTION_IDENTITY; the chart sets the"
              + " pod name). Default: the host name.")
  String leaseIdentity;

  /** The leader election these options describe. */
  LeaderElection leaderElection() {
    return new LeaderElection(
        leaderElection,
        leaseName,
        leaseNamespace == null ? "" : leaseNamespace.trim(),
        Duration.ofSeconds(leaseDurationSeconds),
        Duration.ofSeconds(renewDeadlineSeconds),
        Duration.ofSeconds(retryPeriodSeconds),
        leaseIdentity == null ? "" : leaseIdentity.trim(),
        true);
  }

  /** The configuration these options describe. */
  OperatorConfig config() {
    return new OperatorConfig(
        Set.copyOf(namespaces.stream().map(String::trim).filter(s -> !s.isEmpty()).toList()),
        reconcileThreads,
        driverServiceAccount,
        manageDriverRbac,
        masterUrl,
        Duration.ofSeconds(driverStartTimeoutSeconds),
        Duration.ofSeconds(executorStatusIntervalSeconds));
  }

  @Override
  public Integer call() throws InterruptedException {
    OperatorConfig config = config();
    OperatorMetrics metrics = new OperatorMetrics(Clock.systemUTC());
    LeaderElection election = leaderElection();
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(Config.autoConfigure(null))
                    .withUserAgent(OperatorRuntime.USER_AGENT)
                    .build())
            .withHttpClientBuilderConsumer(
                b -> b.addOrReplaceInterceptor("metrics", metrics.apiCalls()))
            .build();
    OperatorRuntime runtime =
        OperatorRuntime.start(
            client, config, metricsConfig(), metrics, election, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runtime.close();
                  client.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return 0;
  }

  public static void main(String[] args) {
    System.setProperty(COMMON_POOL_PARALLELISM, commonPoolParallelism(System.getProperties()));
    System.exit(commandLine().execute(args));
  }

  static final String COMMON_POOL_PARALLELISM =
      "java.util.concurrent.ForkJoinPool.common.parallelism";

  /**
   * The parallelism of the JVM's common pool: as set with -D, else at least 2. With one or two CPUs
   * (a usual CPU limit for an operator) the JVM makes it 1, and CompletableFuture then starts a new
   * thread for every asynchronous completion; the JDK HTTP client completes every request that way
   * (HttpClientImpl#sendAsync with the executor fabric8 gives it), so the operator started and
   * ended a thread per API request, about ten per job. Set first thing in main(), before anything
   * creates the pool.
   */
  static String commonPoolParallelism(java.util.Properties system) {
    String set = system.getProperty(COMMON_POOL_PARALLELISM);
    if (set != null) {
      return set;
    }
    return Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1));
  }

  /** The command line with its subcommands, for main() and tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  /** Version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"spark-batch-operator " + (version == null ? "dev" : version)};
    }
  }
}
