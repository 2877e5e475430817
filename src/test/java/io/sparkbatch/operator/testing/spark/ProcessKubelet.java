package io.sparkbatch.operator.testing.spark;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.sparkbatch.operator.testing.PodScript;
import io.sparkbatch.operator.testing.PodStatuses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kubelet that really runs pods: each pod's Spark container becomes a local JVM on Spark's own
 * jars ({@link ContainerCommand}), with its own loopback address as pod IP (127.0.10.N, so the
 * drivers' fixed ports 7078/7079 never clash), its ConfigMap and Secret volumes written to a folder
 * ({@link PodFilesystem}) and Service names resolved by {@link ClusterDns}.
 *
 * <p>A pod goes Pending (scheduled; kept there while a ConfigMap it mounts does not exist yet) ->
 * Running with its IP and Ready=True (set before the process starts: Spark's driver waits for its
 * own pod to be ready) -> Succeeded or Failed with the process's exit code. Deleting a pod sends
 * its process SIGTERM, then SIGKILL after its grace period. Every pod's output goes to {@code
 * <workDir>/<namespace>/<pod>-<n>/log}.
 */
public final class ProcessKubelet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessKubelet.class);
  private static final Duration VOLUME_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration MAX_GRACE = Duration.ofSeconds(10);

  private final KubernetesClient client;
  private final SparkImage image;
  private final Path workDir;
  private final String apiServerUrl;
  private final ClusterDns dns;
  private final ExecutorService workers = Executors.newCachedThreadPool(daemon("process-kubelet"));
  private final Map<String, RunningPod> pods = new ConcurrentHashMap<>();
  private final Map<String, Path> podDirs = new ConcurrentHashMap<>();
  private final AtomicInteger addresses = new AtomicInteger();
  private final AtomicInteger podCount = new AtomicInteger();
  private final SharedIndexInformer<Pod> podInformer;
  private final SharedIndexInformer<Service> serviceInformer;
  private final SharedIndexInformer<io.fabric8.kubernetes.api.model.ConfigMap> configMapInformer;
  private final SharedIndexInformer<io.fabric8.kubernetes.api.model.Secret> secretInformer;
  private final Object volumeSources = new Object();
  private long volumeSourceChanges; // guarded by volumeSources
  private volatile boolean closed;

  /** A pod this kubelet started: its IP-carrying copy (for DNS) and its process, once started. */
  private static final class RunningPod {
    volatile Pod pod;
    volatile Process process;
    volatile boolean deleted;
  }

  /**
   * Starts running the pods of the cluster {@code client} talks to ({@code apiServerUrl} is the
   * same server, as Spark's driver should reach it), with pod folders under {@code workDir}.
   */
  public ProcessKubelet(
      KubernetesClient client, SparkImage image, Path workDir, String apiServerUrl) {
    this.client = client;
    this.image = image;
    this.workDir = workDir.toAbsolutePath();
    this.apiServerUrl = apiServerUrl;
    try {
      Files.createDirectories(this.workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.dns = new ClusterDns(this.workDir.resolve("hosts"));
    dns.update(java.util.List.of(), java.util.List.of());
    this.serviceInformer =
        client.services().inAnyNamespace().inform(handler(s -> updateDns(), s -> updateDns()));
    this.configMapInformer =
        client
            .configMaps()
            .inAnyNamespace()
            .inform(handler(c -> volumeSourceChanged(), c -> volumeSourceChanged()));
    this.secretInformer =
        client
            .secrets()
            .inAnyNamespace()
            .inform(handler(c -> volumeSourceChanged(), c -> volumeSourceChanged()));
    this.podInformer = client.pods().inAnyNamespace().inform(handler(this::admit, this::deleted));
  }

  /** The output of the newest pod of that name, or empty if this kubelet never ran it. */
  public Optional<String> log(String namespace, String podName) {
    Path dir = podDirs.get(namespace + "/" + podName);
    if (dir == null || !Files.exists(dir.resolve("log"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(dir.resolve("log")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the newest pod of that name writes its output. */
  public Optional<Path> logFile(String namespace, String podName) {
    Path dir = podDirs.get(namespace + "/" + podName);
    return dir == null ? Optional.empty() : Optional.of(dir.resolve("log"));
  }

  /** How many pods have a live process right now. */
  public long runningProcesses() {
    return pods.values().stream().filter(p -> p.process != null && p.process.isAlive()).count();
  }

  private void admit(Pod pod) {
    if (closed || pod.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return;
    }
    RunningPod running = new RunningPod();
    running.pod = pod;
    if (pods.putIfAbsent(pod.getMetadata().getUid(), running) == null) {
      workers.execute(() -> run(pod, running));
    }
  }

  private void deleted(Pod pod) {
    RunningPod running = pods.get(pod.getMetadata().getUid());
    if (running == null) {
      return;
    }
    running.deleted = true;
    volumeSourceChanged();
    Process process = running.process;
    if (process != null) {
      long grace =
          pod.getSpec().getTerminationGracePeriodSeconds() == null
              ? MAX_GRACE.toSeconds()
              : Math.min(pod.getSpec().getTerminationGracePeriodSeconds(), MAX_GRACE.toSeconds());
      stop(process, Duration.ofSeconds(grace));
    }
    updateDns();
  }

  private void run(Pod pod, RunningPod running) {
    String namespace = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    try {
      Container container = mainContainer(pod);
      Path podDir = workDir.resolve(namespace).resolve(name + "-" + podCount.incrementAndGet());
      Files.createDirectories(podDir.resolve("work"));
      podDirs.put(namespace + "/" + name, podDir);
      writeStatus(pod, new PodScript.Schedule(Duration.ZERO), null);
      Optional<PodFilesystem> files = awaitVolumes(pod, container, podDir, running);
      if (files.isEmpty() || running.deleted) {
        return;
      }
      String ip = "127.0.10." + (2 + addresses.getAndIncrement() % 250);
      ContainerCommand command =
          ContainerCommand.of(client, pod, container, ip, files.get(), image, dns, apiServerUrl);
      Pod runningPod = writeStatus(pod, new PodScript.Run(Duration.ZERO), ip);
      running.pod = runningPod;
      updateDns();
      ProcessBuilder builder =
          new ProcessBuilder(command.command())
              .directory(podDir.resolve("work").toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(podDir.resolve("log").toFile()));
      builder.environment().clear();
      builder.environment().putAll(command.environment());
      synchronized (running) {
        if (running.deleted || closed) {
          return;
        }
        running.process = builder.start();
      }
      LOG.info("pod {}/{} started as process {} on {}", namespace, name, running.process.pid(), ip);
      int exitCode = running.process.waitFor();
      LOG.info("pod {}/{} exited with {}", namespace, name, exitCode);
      if (!running.deleted && !closed) {
        writeStatus(
            runningPod,
            new PodScript.Exit(Duration.ZERO, exitCode, exitCode == 0 ? "Completed" : "Error"),
            ip);
      }
    } catch (IllegalArgumentException e) {
      LOG.warn("pod {}/{} cannot run here: {}", namespace, name, e.getMessage());
      fail(pod, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      if (!closed && !running.deleted) {
        LOG.warn("pod {}/{} failed to start", namespace, name, e);
        fail(pod, e.toString());
      }
    } finally {
      updateDns();
    }
  }

  /**
   * The pod's volumes once every ConfigMap and Secret it mounts exists: tried again on each change
   * of a ConfigMap or Secret (as a kubelet retries a mount), not on a timer.
   */
  private Optional<PodFilesystem> awaitVolumes(
      Pod pod, Container container, Path podDir, RunningPod running) throws InterruptedException {
    Instant deadline = Instant.now().plus(VOLUME_TIMEOUT);
    while (!closed && !running.deleted) {
      long seen;
      synchronized (volumeSources) {
        seen = volumeSourceChanges;
      }
      Optional<PodFilesystem> files = PodFilesystem.prepare(client, pod, container, podDir, image);
      if (files.isPresent()) {
        return files;
      }
      synchronized (volumeSources) {
        while (volumeSourceChanges == seen && !closed && !running.deleted) {
          long left = Duration.between(Instant.now(), deadline).toMillis();
          if (left <= 0) {
            return Optional.empty();
          }
          volumeSources.wait(left);
        }
      }
    }
    return Optional.empty();
  }

  /** A ConfigMap or Secret changed, or a pod was deleted: waiting pods look again. */
  private void volumeSourceChanged() {
    synchronized (volumeSources) {
      volumeSourceChanges++;
      volumeSources.notifyAll();
    }
  }

  private Pod writeStatus(Pod pod, PodScript.Step step, String ip) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    return client
        .pods()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName())
        .editStatus(p -> PodStatuses.apply(p, step, now, ip));
  }

  private void fail(Pod pod, String message) {
    try {
      writeStatus(pod, new PodScript.Exit(Duration.ZERO, 128, "StartError"), null);
      LOG.debug("pod {} failed: {}", pod.getMetadata().getName(), message);
    } catch (KubernetesClientException e) {
      // Deleted meanwhile.
    }
  }

  private static Container mainContainer(Pod pod) {
    return pod.getSpec().getContainers().stream()
        .filter(
            c ->
                c.getName().equals("spark-kubernetes-driver")
                    || c.getName().equals("spark-kubernetes-executor"))
        .findFirst()
        .orElse(pod.getSpec().getContainers().get(0));
  }

  private void updateDns() {
    if (closed) {
      return;
    }
    dns.update(
        serviceInformer == null ? java.util.List.of() : serviceInformer.getStore().list(),
        pods.values().stream().filter(p -> !p.deleted).map(p -> p.pod).toList());
  }

  private static void stop(Process process, Duration grace) {
    process.destroy();
    process
        .onExit()
        .orTimeout(grace.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(
            timeout -> {
              process.destroyForcibly();
              return process;
            });
  }

  @Override
  public void close() {
    closed = true;
    podInformer.close();
    serviceInformer.close();
    configMapInformer.close();
    secretInformer.close();
    volumeSourceChanged();
    pods.values().stream().map(p -> p.process).filter(p -> p != null).forEach(Process::destroy);
    for (RunningPod pod : pods.values()) {
      Process process = pod.process;
      if (process == null) {
        continue;
      }
      try {
        if (!process.waitFor(MAX_GRACE.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(MAX_GRACE.toSeconds(), TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    workers.shutdownNow();
  }

  private static <T> ResourceEventHandler<T> handler(
      java.util.function.Consumer<T> upsert, java.util.function.Consumer<T> delete) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        upsert.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        upsert.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        delete.accept(obj);
      }
    };
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
