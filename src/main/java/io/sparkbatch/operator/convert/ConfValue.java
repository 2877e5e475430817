package io.sparkbatch.operator.convert;

/** A Spark property's value and where the input set it (a line, an option or a JSON field). */
record ConfValue(String value, String origin) {}
