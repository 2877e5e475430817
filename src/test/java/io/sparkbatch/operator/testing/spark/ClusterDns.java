package io.sparkbatch.operator.testing.spark;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands in for cluster DNS: a hosts file, given to every pod JVM with {@code
 * -Djdk.net.hosts.file}, that maps each Service's names ({@code <svc>.<ns>.svc}, with and without
 * {@code .cluster.local}, and {@code <svc>.<ns>}) to the IP of the running pod its selector picks.
 * Java reads the file on every lookup, so rewriting it is enough; pods start with the negative
 * cache off, as a lookup made before the Service's pod runs must not stick.
 */
final class ClusterDns {
  private final Path hostsFile;

  ClusterDns(Path hostsFile) {
    this.hostsFile = hostsFile;
  }

  Path hostsFile() {
    return hostsFile;
  }

  /** The JVM options that make a pod resolve names through this DNS. */
  java.util.List<String> jvmOptions() {
    return java.util.List.of(
        "-Djdk.net.hosts.file=" + hostsFile, "-Dsun.net.inetaddr.negative.ttl=0");
  }

  /** Rewrites the hosts file from the current Services and pods. */
  synchronized void update(Collection<Service> services, Collection<Pod> pods) {
    Map<String, String> names = new TreeMap<>();
    names.put("localhost", "127.0.0.1");
    names.put(localHostName(), "127.0.0.1");
    for (Service service : services) {
      Map<String, String> selector =
          service.getSpec() == null ? null : service.getSpec().getSelector();
      if (selector == null || selector.isEmpty()) {
        continue;
      }
      String namespace = service.getMetadata().getNamespace();
      pods.stream()
          .filter(p -> namespace.equals(p.getMetadata().getNamespace()))
          .filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null)
          .filter(p -> "Running".equals(p.getStatus().getPhase()))
          .filter(p -> p.getMetadata().getLabels() != null)
          .filter(p -> p.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
          .findFirst()
          .ifPresent(
              pod -> {
                String base = service.getMetadata().getName() + "." + namespace;
                String ip = pod.getStatus().getPodIP();
                names.put(base, ip);
                names.put(base + ".svc", ip);
                names.put(base + ".svc.cluster.local", ip);
              });
    }
    StringBuilder text = new StringBuilder("# written by the process kubelet: cluster DNS\n");
    names.forEach((name, ip) -> text.append(ip).append(' ').append(name).append('\n'));
    try {
      Path temporary = Files.createTempFile(hostsFile.getParent(), "hosts", ".tmp");
      Files.writeString(temporary, text);
      Files.move(
          temporary,
          hostsFile,
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
