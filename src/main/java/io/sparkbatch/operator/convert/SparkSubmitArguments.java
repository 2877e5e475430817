package io.sparkbatch.operator.convert;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Parses spark-submit's arguments with spark-submit's own rules (SparkSubmitArguments in Spark):
 * options before the application resource, everything after it belongs to the application; an
 * explicit option (--driver-memory) wins over --conf, which wins over --properties-file; non-spark
 * properties are ignored, as spark-submit ignores them.
 */
final class SparkSubmitArguments {

  /** Reads the file named by --properties-file. */
  interface FileReader {
    String read(String path) throws IOException;
  }

  /** Options that spark-submit turns into one Spark property each. */
  static final Map<String, String> OPTION_KEYS =
      Map.ofEntries(
          Map.entry("--master", "spark.master"),
          Map.entry("--deploy-mode", "spark.submit.deployMode"),
          Map.entry("--name", "spark.app.name"),
          Map.entry("--jars", "spark.jars"),
          Map.entry("--files", "spark.files"),
          Map.entry("--archives", "spark.archives"),
          Map.entry("--py-files", "spark.submit.pyFiles"),
          Map.entry("--packages", "spark.jars.packages"),
          Map.entry("--repositories", "spark.jars.repositories"),
          Map.entry("--exclude-packages", "spark.jars.excludes"),
          Map.entry("--driver-memory", "spark.driver.memory"),
          Map.entry("--driver-cores", "spark.driver.cores"),
          Map.entry("--driver-java-options", "spark.driver.extraJavaOptions"),
          Map.entry("--driver-class-path", "spark.driver.extraClassPath"),
          Map.entry("--driver-library-path", "spark.driver.extraLibraryPath"),
          Map.entry("--executor-memory", "spark.executor.memory"),
          Map.entry("--executor-cores", "spark.executor.cores"),
          Map.entry("--num-executors", "spark.executor.instances"),
          Map.entry("--total-executor-cores", "spark.cores.max"),
          Map.entry("--queue", "spark.yarn.queue"),
          Map.entry("--principal", "spark.kerberos.principal"),
          Map.entry("--keytab", "spark.kerberos.keytab"));

  private static final Set<String> OTHER_VALUE_OPTIONS =
      Set.of("--class", "--conf", "-c", "--properties-file", "--proxy-user", "--kill", "--status");
  private static final Set<String> SWITCHES =
      Set.of("--supervise", "--verbose", "-v", "--help", "-h", "--version", "--usage-error");
  private static final Set<String> NOT_A_SUBMISSION =
      Set.of("--kill", "--status", "--help", "-h", "--version", "--usage-error");

  private SparkSubmitArguments() {}

  /**
   * @param words spark-submit's arguments, without the spark-submit command itself
   * @param defaults properties below the properties file in precedence (EMR's spark-defaults)
   */
  static SparkSubmitCommand parse(
      List<Word> words, Map<String, ConfValue> defaults, FileReader files, WarningLog log) {
    Map<String, ConfValue> confArgs = new LinkedHashMap<>();
    Map<String, ConfValue> optionArgs = new LinkedHashMap<>();
    Map<String, ConfValue> propertiesFile = Map.of();
    String mainClass = null;
    String proxyUser = null;
    int i = 0;
    for (; i < words.size(); i++) {
      Word word = words.get(i);
      String text = word.text();
      if (!text.startsWith("-") || text.equals("-")) {
        break;
      }
      String name = text;
      String value = null;
      int eq = text.indexOf('=');
      if (text.startsWith("--") && eq > 0) {
        name = text.substring(0, eq);
        value = text.substring(eq + 1);
      }
      if (NOT_A_SUBMISSION.contains(name)) {
        throw new ConversionException(
            word.origin(), name + " does not submit an application: nothing to convert");
      }
      if (SWITCHES.contains(name)) {
        switchWarning(name, word, log);
        continue;
      }
      if (!OPTION_KEYS.containsKey(name) && !OTHER_VALUE_OPTIONS.contains(name)) {
        throw new ConversionException(word.origin(), "unknown spark-submit option " + name);
      }
      if (value == null) {
        if (i + 1 >= words.size()) {
          throw new ConversionException(word.origin(), name + " needs a value");
        }
        value = words.get(++i).text();
      }
      ConfValue at = new ConfValue(value, word.origin());
      switch (name) {
        case "--class" -> mainClass = value;
        case "--proxy-user" -> proxyUser = value;
        case "--conf", "-c" -> putConf(confArgs, value, word.origin());
        case "--properties-file" -> propertiesFile = readProperties(value, word.origin(), files);
        default -> optionArgs.put(OPTION_KEYS.get(name), at);
      }
    }
    Map<String, ConfValue> conf = new LinkedHashMap<>(defaults);
    conf.putAll(propertiesFile);
    conf.putAll(confArgs);
    conf.putAll(optionArgs);
    conf.entrySet()
        .removeIf(
            e -> {
              if (e.getKey().startsWith("spark.")) {
                return false;
              }
              log.warn(
                  WarningLog.confField(e.getKey(), e.getValue()),
                  "not a Spark property: spark-submit ignores it. For Hadoop settings use"
                      + " spark.hadoop."
                      + e.getKey()
                      + " (becomes spec.hadoopConf)");
              return true;
            });
    Word appResource = i < words.size() ? words.get(i) : null;
    List<String> arguments = new ArrayList<>();
    for (int a = i + 1; a < words.size(); a++) {
      arguments.add(words.get(a).text());
    }
    return new SparkSubmitCommand(conf, mainClass, appResource, arguments, proxyUser);
  }

  private static void putConf(Map<String, ConfValue> conf, String keyValue, String origin) {
    int eq = keyValue.indexOf('=');
    if (eq <= 0) {
      throw new ConversionException(
          origin, "--conf needs key=value, got '" + keyValue + "' (spark-submit rejects it too)");
    }
    conf.put(keyValue.substring(0, eq).strip(), new ConfValue(keyValue.substring(eq + 1), origin));
  }

  private static Map<String, ConfValue> readProperties(
      String path, String origin, FileReader files) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(files.read(path)));
    } catch (IOException e) {
      throw new ConversionException(
          origin, "cannot read --properties-file " + path + " (" + e.getMessage() + ")");
    }
    Map<String, ConfValue> conf = new LinkedHashMap<>();
    String where = "--properties-file " + path;
    // Properties has no order; sort so that the output is stable.
    properties.stringPropertyNames().stream()
        .sorted()
        .forEach(k -> conf.put(k, new ConfValue(properties.getProperty(k).strip(), where)));
    return conf;
  }

  private static void switchWarning(String name, Word word, WarningLog log) {
    if (name.equals("--supervise")) {
      log.warn(
          "--supervise (" + word.origin() + ")",
          "spark-submit ignores it outside standalone clusters; to run a failed job again set"
              + " spec.restartPolicy.type: OnFailure");
    } else {
      log.warn(name + " (" + word.origin() + ")", "spark-submit's own logging: not carried over");
    }
  }
}
