package io.sparkbatch.operator.config;

/**
 * Prices for status.usage.estimatedCost, in whatever currency the operator's administrator uses.
 * Zero means "not configured": then no estimated cost is written.
 *
 * @param perCoreHour price of one requested CPU core for one hour
 * @param perGiBHour price of one requested GiB of memory for one hour
 */
public record UsagePrices(double perCoreHour, double perGiBHour) {
  public static final UsagePrices NONE = new UsagePrices(0, 0);

  public UsagePrices {
    if (perCoreHour < 0 || perGiBHour < 0) {
      throw new IllegalArgumentException("prices must not be negative");
    }
  }

  public boolean configured() {
    return perCoreHour > 0 || perGiBHour > 0;
  }

  public double cost(double coreSeconds, double memoryGiBSeconds) {
    return coreSeconds / 3600 * perCoreHour + memoryGiBSeconds / 3600 * perGiBHour;
  }
}
