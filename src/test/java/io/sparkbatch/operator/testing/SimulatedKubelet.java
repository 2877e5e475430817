package io.sparkbatch.operator.testing;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Plays kubelet, scheduler and Spark driver for the pods of a {@link SimulatedCluster}: each new
 * pod follows the {@link PodScript} its {@link Behaviour} chooses, and a running driver creates its
 * executors from its spark.properties (and deletes them before it exits), as Spark does.
 */
public final class SimulatedKubelet implements AutoCloseable {
  static final String DRIVER_CONTAINER = "spark-kubernetes-driver";
  static final String EXECUTOR_CONTAINER = "spark-kubernetes-executor";

  /** Chooses the script of each pod. */
  @FunctionalInterface
  public interface Behaviour {
    PodScript scriptFor(Pod pod);

    /** Drivers succeed after a short run; executors run until their driver deletes them. */
    static Behaviour defaults() {
      return drivers(pod -> PodScript.succeed(java.time.Duration.ofMillis(300)));
    }

    /** Drivers follow {@code driverScript}; executors run until deleted. */
    static Behaviour drivers(Function<Pod, PodScript> driverScript) {
      return pod -> isDriver(pod) ? driverScript.apply(pod) : PodScript.runForever();
    }

    /** Driver attempt N (label sparkbatch.io/attempt) follows scripts.get(N-1), the last after. */
    static Behaviour driverAttempts(List<PodScript> scripts) {
      return drivers(
          pod -> {
            String label = pod.getMetadata().getLabels().get("sparkbatch.io/attempt");
            int attempt = label == null ? 1 : Integer.parseInt(label);
            return scripts.get(Math.min(attempt, scripts.size()) - 1);
          });
    }
  }

  private final KubernetesClient client;
  private final Behaviour behaviour;

  /**
   * A real cluster runs each node's pods in its own kubelet; a few threads here, so that a burst of
   * pods does not queue behind one another's API round trips (each step is a get and a patch).
   */
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(8);

  private final Set<String> started = ConcurrentHashMap.newKeySet();
  private final Set<String> gone = ConcurrentHashMap.newKeySet();
  private final AtomicInteger addresses = new AtomicInteger(1);
  private final SharedIndexInformer<Pod> informer;

  SimulatedKubelet(KubernetesClient client, Behaviour behaviour) {
    this.client = client;
    this.behaviour = behaviour;
    this.informer =
        client
            .pods()
            .inAnyNamespace()
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {
                    begin(pod);
                  }

                  @Override
                  public void onUpdate(Pod oldPod, Pod newPod) {
                    begin(newPod);
                  }

                  @Override
                  public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                    gone.add(pod.getMetadata().getUid());
                  }
                });
  }

  static boolean isDriver(Pod pod) {
    var labels = pod.getMetadata().getLabels();
    return labels != null && "driver".equals(labels.get("spark-role"));
  }

  private void begin(Pod pod) {
    if (!started.add(pod.getMetadata().getUid())) {
      return;
    }
    step(
        pod.getMetadata().getNamespace(),
        pod.getMetadata().getName(),
        pod.getMetadata().getUid(),
        behaviour.scriptFor(pod).steps(),
        0);
  }

  private void step(
      String namespace, String name, String uid, List<PodScript.Step> steps, int index) {
    if (index >= steps.size()) {
      return;
    }
    PodScript.Step step = steps.get(index);
    timer.schedule(
        () -> {
          if (gone.contains(uid)) {
            return;
          }
          if (step instanceof PodScript.Hold hold) {
            hold.release().thenRun(() -> step(namespace, name, uid, steps, index + 1));
            return;
          }
          try {
            apply(namespace, name, uid, step);
            step(namespace, name, uid, steps, index + 1);
          } catch (KubernetesClientException e) {
            // The pod went away between steps: nothing left to run.
          } catch (RuntimeException e) {
            e.printStackTrace();
          }
        },
        step.after().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void apply(String namespace, String name, String uid, PodScript.Step step) {
    var resource = client.pods().inNamespace(namespace).withName(name);
    Pod pod = resource.get();
    if (pod == null || !uid.equals(pod.getMetadata().getUid())) {
      gone.add(uid);
      return;
    }
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    if (step instanceof PodScript.Exit && isDriver(pod)) {
      deleteExecutors(pod);
    }
    resource.editStatus(
        p -> PodStatuses.apply(p, step, now, "127.0.1." + (1 + addresses.getAndIncrement() % 250)));
    if (step instanceof PodScript.Run && isDriver(pod)) {
      createExecutors(pod);
    }
  }

  /** What a Spark driver does when it starts: one pod per executor, owned by the driver pod. */
  private void createExecutors(Pod driver) {
    Properties conf = sparkProperties(driver);
    int count = Integer.parseInt(conf.getProperty("spark.executor.instances", "2"));
    if (Boolean.parseBoolean(conf.getProperty("spark.dynamicAllocation.enabled", "false"))) {
      count =
          Integer.parseInt(
              conf.getProperty(
                  "spark.dynamicAllocation.initialExecutors",
                  conf.getProperty("spark.dynamicAllocation.minExecutors", "0")));
    }
    String appId = conf.getProperty("spark.app.id", "spark-sim");
    String prefix =
        conf.getProperty("spark.kubernetes.executor.podNamePrefix", driver.getMetadata().getName());
    Map<String, String> labels = new HashMap<>();
    conf.stringPropertyNames().stream()
        .filter(k -> k.startsWith("spark.kubernetes.executor.label."))
        .forEach(
            k ->
                labels.put(
                    k.substring("spark.kubernetes.executor.label.".length()), conf.getProperty(k)));
    labels.put("spark-app-selector", appId);
    labels.put("spark-role", "executor");
    for (int i = 1; i <= count; i++) {
      Map<String, String> own = new HashMap<>(labels);
      own.put("spark-exec-id", Integer.toString(i));
      Pod executor =
          new PodBuilder()
              .withNewMetadata()
              .withName(prefix + "-exec-" + i)
              .withNamespace(driver.getMetadata().getNamespace())
              .withLabels(own)
              .withOwnerReferences(
                  new OwnerReferenceBuilder()
                      .withApiVersion("v1")
                      .withKind("Pod")
                      .withName(driver.getMetadata().getName())
                      .withUid(driver.getMetadata().getUid())
                      .withController(true)
                      .build())
              .endMetadata()
              .withNewSpec()
              .addNewContainer()
              .withName(EXECUTOR_CONTAINER)
              .withImage("apache/spark")
              // As Spark asks: spark.executor.cores, and 1g of heap plus Spark's 384m overhead.
              .withNewResources()
              .addToRequests("cpu", new Quantity(conf.getProperty("spark.executor.cores", "1")))
              .addToRequests("memory", new Quantity("1408Mi"))
              .endResources()
              .endContainer()
              .withRestartPolicy("Never")
              .endSpec()
              .build();
      try {
        client.resource(executor).create();
      } catch (KubernetesClientException e) {
        // Already there (a retried start): Spark would reuse its counter; nothing to do here.
      }
    }
  }

  /** What a Spark driver does when it stops: delete its executors (by label, as Spark does). */
  private void deleteExecutors(Pod driver) {
    String appId = driver.getMetadata().getLabels().get("spark-app-selector");
    var executors =
        client
            .pods()
            .inNamespace(driver.getMetadata().getNamespace())
            .withLabel("spark-role", "executor");
    (appId == null ? executors : executors.withLabel("spark-app-selector", appId))
        .list().getItems().stream()
            .filter(
                p ->
                    p.getMetadata().getOwnerReferences().stream()
                        .anyMatch(o -> driver.getMetadata().getUid().equals(o.getUid())))
            .forEach(p -> client.resource(p).delete());
  }

  private Properties sparkProperties(Pod driver) {
    Properties properties = new Properties();
    for (Volume volume : driver.getSpec().getVolumes()) {
      if (volume.getConfigMap() == null) {
        continue;
      }
      ConfigMap map =
          client
              .configMaps()
              .inNamespace(driver.getMetadata().getNamespace())
              .withName(volume.getConfigMap().getName())
              .get();
      if (map != null && map.getData() != null && map.getData().containsKey("spark.properties")) {
        try {
          properties.load(new StringReader(map.getData().get("spark.properties")));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return properties;
  }

  /** Pods this kubelet has seen. */
  public int podsSeen() {
    return started.size();
  }

  @Override
  public void close() {
    informer.close();
    timer.shutdownNow();
  }
}
