package io.sparkbatch.operator.convert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the warnings of one conversion, and the Spark properties of the input that the job does
 * not carry, which the round trip must leave out.
 */
final class WarningLog {
  private final List<ConversionWarning> warnings = new ArrayList<>();
  private final Set<String> uncarriedKeys = new LinkedHashSet<>();

  void warn(String field, String message) {
    warnings.add(new ConversionWarning(field, message));
  }

  /** Warns about a Spark property that the SparkBatchJob does not carry. */
  void dropConf(String key, ConfValue value, String message) {
    warn(confField(key, value), message);
    uncarriedKeys.add(key);
  }

  /** Marks a property as not carried without a warning of its own (another warning covers it). */
  void uncarried(String key) {
    uncarriedKeys.add(key);
  }

  /** Removes the warnings on a field, when the user has since supplied what they asked for. */
  void withdraw(String field) {
    warnings.removeIf(w -> w.field().equals(field));
  }

  static String confField(String key, ConfValue value) {
    return value.origin() == null ? key : key + " (" + value.origin() + ")";
  }

  List<ConversionWarning> warnings() {
    return List.copyOf(warnings);
  }

  Set<String> uncarriedKeys() {
    return Set.copyOf(uncarriedKeys);
  }
}
