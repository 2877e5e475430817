package io.sparkbatch.operator.metrics;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Counts the operator's Kubernetes API requests by HTTP method and outcome (status code, or "error"
 * when no response came), through the fabric8 HTTP client's interceptor hook. The method, not the
 * resource path, keeps the series bounded; together with the API server's own audit log (our
 * User-Agent) it tells whether the operator is the one loading the server.
 */
public final class ApiCallMetrics implements Interceptor {
  static final String NAME = "sparkbatch_kubernetes_api_requests_total";

  private final MeterRegistry registry;

  public ApiCallMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry);
  }

  @Override
  public void after(
      HttpRequest request,
      HttpResponse<?> response,
      AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    count(request, Integer.toString(response.code()));
  }

  @Override
  public void afterConnectionFailure(HttpRequest request, Throwable failure) {
    count(request, "error");
  }

  private void count(HttpRequest request, String outcome) {
    Counter.builder(NAME)
        .description("Kubernetes API requests by the operator, by HTTP method and status code.")
        .tag("method", verb(request))
        .tag("code", outcome)
        .register(registry)
        .increment();
  }

  /** GET splits into watch and the rest: watches are long-lived and few. */
  private static String verb(HttpRequest request) {
    String query = request.uri().getQuery();
    if ("GET".equals(request.method()) && query != null && query.contains("watch=true")) {
      return "WATCH";
    }
    return request.method();
  }
}
