package io.sparkbatch.operator.convert;

import java.util.List;
import java.util.Map;

/**
 * A spark-submit invocation as spark-submit itself understands it: the Spark properties it would
 * set, in the order the input gave them, and the application with its arguments.
 *
 * @param conf every spark.* property, with spark-submit's precedence applied (options over --conf
 *     over the properties file over defaults)
 * @param mainClass --class, or null
 * @param appResource the application jar or script, or null when the input has none
 * @param arguments the application's arguments
 * @param proxyUser --proxy-user, or null
 */
record SparkSubmitCommand(
    Map<String, ConfValue> conf,
    String mainClass,
    Word appResource,
    List<String> arguments,
    String proxyUser) {}
