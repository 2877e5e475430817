package io.sparkbatch.operator.convert;

import io.sparkbatch.operator.api.RestartPolicy;
import io.sparkbatch.operator.api.RestartPolicyType;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import java.util.Map;

/**
 * spark.yarn.* properties, common in jobs that ran on EMR on EC2. Those with a Kubernetes meaning
 * move to it (the driver's environment, memory overhead, application attempts); the rest mean
 * nothing outside YARN and are dropped with a warning.
 */
final class YarnConfMapper {
  private static final String APP_MASTER_ENV = "spark.yarn.appMasterEnv.";

  private final SparkBatchJobSpec spec;
  private final PodConfMapper driver;
  private final PodConfMapper executor;
  private final WarningLog log;

  YarnConfMapper(
      SparkBatchJobSpec spec, PodConfMapper driver, PodConfMapper executor, WarningLog log) {
    this.spec = spec;
    this.driver = driver;
    this.executor = executor;
    this.log = log;
  }

  /** Takes a spark.yarn.* property; false leaves it in sparkConf (a value that does not fit). */
  boolean accept(String key, ConfValue value, Map<String, ConfValue> conf) {
    if (key.startsWith(APP_MASTER_ENV)) {
      String name = key.substring(APP_MASTER_ENV.length());
      driver.addEnv(name, value.value());
      log.dropConf(
          key, value, "YARN's driver environment in cluster mode: now spec.driver.env " + name);
    } else if (key.equals("spark.yarn.driver.memoryOverhead")
        || key.equals("spark.yarn.executor.memoryOverhead")) {
      return memoryOverhead(key, value, conf);
    } else if (key.equals("spark.yarn.maxAppAttempts")) {
      attempts(key, value);
    } else if (key.equals("spark.yarn.queue")) {
      log.dropConf(
          key,
          value,
          "YARN queues do not exist on Kubernetes: share capacity with a ResourceQuota per"
              + " namespace, or a batch scheduler's queue (Volcano, YuniKorn) chosen with"
              + " spec.driver.schedulerName and spec.executor.schedulerName");
    } else {
      log.dropConf(key, value, "a YARN setting, with no effect on Kubernetes");
    }
    return true;
  }

  private boolean memoryOverhead(String key, ConfValue value, Map<String, ConfValue> conf) {
    String role = key.contains(".driver.") ? "driver" : "executor";
    String current = "spark." + role + ".memoryOverhead";
    if (conf.containsKey(current)) {
      log.dropConf(key, value, "the old YARN name of " + current + ", which the input also sets");
      return true;
    }
    PodConfMapper pod = role.equals("driver") ? driver : executor;
    if (!pod.accept(current, value)) {
      return false;
    }
    log.dropConf(
        key, value, "the old YARN name of " + current + ": now spec." + role + ".memoryOverhead");
    return true;
  }

  private void attempts(String key, ConfValue value) {
    Integer attempts = PropertyValues.integer(key, value, 1, log);
    if (attempts == null || attempts == 1 || spec.getRestartPolicy() != null) {
      log.dropConf(
          key,
          value,
          "YARN's application attempts; on Kubernetes spec.restartPolicy decides retries");
      return;
    }
    RestartPolicy policy = new RestartPolicy();
    policy.setType(RestartPolicyType.ON_FAILURE);
    policy.setOnFailureRetries(attempts - 1);
    spec.setRestartPolicy(policy);
    log.dropConf(
        key,
        value,
        "YARN ran up to "
            + attempts
            + " attempts: now spec.restartPolicy OnFailure with onFailureRetries "
            + (attempts - 1));
  }
}
