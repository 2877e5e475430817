package io.sparkbatch.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkbatch.operator.config.MetricsConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private static HttpResponse<String> get(MetricsServer server, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readyzFollowsReadinessWhileHealthzAlwaysAnswers() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    try (MetricsServer server =
        MetricsServer.start(MetricsConfig.loopback(), () -> "up 1\n", ready::get)) {
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);

      ready.set(true);

      assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void metricsAreServedInThePrometheusTextFormat() throws Exception {
    try (MetricsServer server =
        MetricsServer.start(MetricsConfig.loopback(), () -> "up 1\n", () -> true)) {
      HttpResponse<String> response = get(server, "/metrics");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(response.body()).isEqualTo("up 1\n");
    }
  }

  @Test
  void otherMethodsAreRefused() throws Exception {
    try (MetricsServer server =
        MetricsServer.start(MetricsConfig.loopback(), () -> "", () -> true)) {
      var response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(response.statusCode()).isEqualTo(405);
    }
  }
}
