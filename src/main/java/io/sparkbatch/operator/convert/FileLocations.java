package io.sparkbatch.operator.convert;

import io.sparkbatch.operator.api.Dependencies;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warns about application files the driver pod will not find where the old platform found them:
 * paths on the submitting machine, the EMR cluster's HDFS, EMRFS's s3:// scheme and EMR's Spark
 * directory. One warning per field.
 */
final class FileLocations {
  private FileLocations() {}

  static void check(SparkBatchJobSpec spec, WarningLog log) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (spec.getMainApplicationFile() != null) {
      fields.put("spec.mainApplicationFile", List.of(spec.getMainApplicationFile()));
    }
    Dependencies deps = spec.getDeps();
    if (deps != null) {
      put(fields, "spec.deps.jars", deps.getJars());
      put(fields, "spec.deps.files", deps.getFiles());
      put(fields, "spec.deps.pyFiles", deps.getPyFiles());
      put(fields, "spec.deps.archives", deps.getArchives());
    }
    fields.forEach((field, paths) -> check(field, paths, log));
  }

  private static void put(Map<String, List<String>> fields, String field, List<String> paths) {
    if (paths != null && !paths.isEmpty()) {
      fields.put(field, paths);
    }
  }

  private static void check(String field, List<String> paths, WarningLog log) {
    List<String> messages = new ArrayList<>();
    for (String path : paths) {
      String message = problem(path);
      if (message != null && !messages.contains(message)) {
        messages.add(message);
      }
    }
    messages.forEach(m -> log.warn(field, m));
  }

  private static String problem(String path) {
    String lower = path.toLowerCase();
    if (lower.startsWith("s3://") || lower.startsWith("s3n://")) {
      return "s3:// is EMRFS, which only EMR has: use s3a:// (hadoop-aws in the image), or set"
          + " spec.hadoopConf fs.s3.impl: org.apache.hadoop.fs.s3a.S3AFileSystem";
    }
    if (lower.startsWith("hdfs://")) {
      return "the EMR cluster's HDFS is not there on Kubernetes: move the file to object storage"
          + " (s3a://) or into the image (local://)";
    }
    if (lower.startsWith("local:///usr/lib/spark/")) {
      return "EMR keeps Spark in /usr/lib/spark; the apache/spark image keeps it in /opt/spark"
          + " (local:///opt/spark/...)";
    }
    if (lower.startsWith("file:") || !path.contains("://")) {
      return "'"
          + path
          + "' is a path on the machine that ran spark-submit, and the operator uploads"
          + " nothing: put the file in the image and write local:///path, or in object storage";
    }
    return null;
  }
}
