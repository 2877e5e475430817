package io.sparkbatch.operator.metrics;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/**
 * Every meter of one operator process, in one Prometheus registry owned by this object (no global
 * registry): job metrics, state gauges, the framework's reconcile metrics, Kubernetes API calls,
 * and JVM and process metrics.
 */
public final class OperatorMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ClusterView view = new ClusterView();
  private final JobMetrics jobs;
  private final StateGauges state;
  private final ApiCallMetrics apiCalls;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Metrics framework;

  public OperatorMetrics(Clock clock) {
    jobs = new JobMetrics(registry, clock);
    state = new StateGauges(registry, view);
    apiCalls = new ApiCallMetrics(registry);
    framework =
        new FrameworkMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry), registry);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public JobMetrics jobs() {
    return jobs;
  }

  public ClusterView view() {
    return view;
  }

  /** The interceptor to add to the operator's Kubernetes client. */
  public ApiCallMetrics apiCalls() {
    return apiCalls;
  }

  /**
   * java-operator-sdk's reconcile metrics, without per-resource meters: those carry the job's name
   * and would grow with every job ever seen.
   */
  public Metrics frameworkMetrics() {
    return framework;
  }

  /** The Prometheus exposition, with the state gauges brought up to date first. */
  public String scrape() {
    state.refresh();
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
