package io.sparkbatch.operator.validation;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** A CPU amount as coreRequest and coreLimit accept it: {@code 1.5} or {@code 1500m}. */
record CpuQuantity(BigDecimal millicores) implements Comparable<CpuQuantity> {

  /** Same pattern as the CRD's. */
  static final Pattern FORMAT = Pattern.compile("^([0-9]+(\\.[0-9]+)?|[0-9]+m)$");

  static Optional<CpuQuantity> parse(String text) {
    if (!FORMAT.matcher(text).matches()) {
      return Optional.empty();
    }
    if (text.endsWith("m")) {
      return Optional.of(new CpuQuantity(new BigDecimal(text.substring(0, text.length() - 1))));
    }
    return Optional.of(new CpuQuantity(new BigDecimal(text).movePointRight(3)));
  }

  static CpuQuantity ofCores(int cores) {
    return new CpuQuantity(BigDecimal.valueOf(cores).movePointRight(3));
  }

  @Override
  public int compareTo(CpuQuantity other) {
    return millicores.compareTo(other.millicores);
  }

  @Override
  public String toString() {
    return millicores.stripTrailingZeros().toPlainString() + "m";
  }
}
