package io.sparkbatch.operator.convert;

/**
 * One argument of a spark-submit command, with where it came from, so that errors and warnings can
 * name the line or field.
 */
record Word(String text, String origin) {}
