package io.sparkbatch.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkbatch.operator.config.MetricsConfig;
import io.sparkbatch.operator.config.UsagePrices;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The metrics and price options, as main() turns them into a MetricsConfig. */
class MainMetricsOptionsTest {
  private static Main parse(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main;
  }

  @Test
  void defaultsServeOnAllInterfacesAtPort8080WithoutPrices() {
    // Holds unless the test runs with SBO_METRICS_* or SBO_PRICE_* in its environment.
    assertThat(parse().metricsConfig()).isEqualTo(MetricsConfig.defaults());
  }

  @Test
  void optionsSetPortAddressAndPrices() {
    MetricsConfig config =
        parse(
                "--metrics-port=0",
                "--metrics-address=127.0.0.1",
                "--price-core-hour=0.04",
                "--price-gib-hour=0.005")
            .metricsConfig();

    assertThat(config).isEqualTo(new MetricsConfig("127.0.0.1", 0, new UsagePrices(0.04, 0.005)));
    assertThat(config.prices().configured()).isTrue();
  }
}
