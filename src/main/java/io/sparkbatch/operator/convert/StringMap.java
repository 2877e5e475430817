package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;

/** The Jackson type of a string-to-string map, for converting JSON objects. */
final class StringMap {
  static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {};

  private StringMap() {}
}
