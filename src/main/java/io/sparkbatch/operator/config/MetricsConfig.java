package io.sparkbatch.operator.config;

import java.util.Objects;

/**
 * Where the operator serves /metrics, /healthz and /readyz, and the prices for cost estimates.
 * Separate from {@link OperatorConfig} because none of it changes what the operator does to jobs.
 *
 * @param address address to bind; 0.0.0.0 for all interfaces (tests use 127.0.0.1)
 * @param port port to bind; 0 picks a free one
 * @param prices prices for status.usage.estimatedCost
 */
public record MetricsConfig(String address, int port, UsagePrices prices) {
  public static final String DEFAULT_ADDRESS = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;

  public MetricsConfig {
    Objects.requireNonNull(address);
    Objects.requireNonNull(prices);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("metrics port must be between 0 and 65535");
    }
  }

  public static MetricsConfig defaults() {
    return new MetricsConfig(DEFAULT_ADDRESS, DEFAULT_PORT, UsagePrices.NONE);
  }

  /** Loopback only, any free port: for tests and local runs. */
  public static MetricsConfig loopback() {
    return new MetricsConfig("127.0.0.1", 0, UsagePrices.NONE);
  }

  public MetricsConfig withPrices(UsagePrices value) {
    return new MetricsConfig(address, port, value);
  }
}
