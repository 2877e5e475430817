package io.sparkbatch.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.CrdGeneration;
import io.sparkbatch.operator.testing.OperatorHarness;
import io.sparkbatch.operator.testing.ScriptedBehaviour;
import io.sparkbatch.operator.testing.TestJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * Runs docs/argocd/health.lua, as Argo CD would, against SparkBatchJobs whose status the operator
 * itself wrote while running them on the simulated cluster: the script is judged on real status
 * objects, not on hand-written ones that might drift from what the operator writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArgoCdHealthTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String NS = "argocd-health";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Path SCRIPT = CrdGeneration.projectRoot().resolve("docs/argocd/health.lua");

  private OperatorHarness harness;
  private final Map<JobPhase, SparkBatchJob> jobs = new java.util.EnumMap<>(JobPhase.class);

  /** One job per phase that Argo CD must judge, run by the whole operator. */
  @BeforeAll
  void runJobs() {
    harness = OperatorHarness.start(new ScriptedBehaviour());
    harness.createNamespace(NS);
    harness.create(TestJobs.sparkPi(NS, "succeeds", "succeed"));
    harness.create(TestJobs.sparkPi(NS, "fails", "exit1"));
    harness.create(TestJobs.sparkPi(NS, "runs", "forever"));
    harness.create(
        TestJobs.sparkPi(
            NS,
            "retries",
            "exit1.succeed",
            """
            restartPolicy:
              type: OnFailure
              onFailureRetries: 2
              onFailureRetryInterval: 600
            """));
    jobs.put(JobPhase.SUCCEEDED, harness.awaitPhase(NS, "succeeds", JobPhase.SUCCEEDED, WAIT));
    jobs.put(JobPhase.FAILED, harness.awaitPhase(NS, "fails", JobPhase.FAILED, WAIT));
    jobs.put(JobPhase.RUNNING, harness.awaitPhase(NS, "runs", JobPhase.RUNNING, WAIT));
    jobs.put(JobPhase.RETRYING, harness.awaitPhase(NS, "retries", JobPhase.RETRYING, WAIT));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @Test
  void succeededIsHealthy() {
    Health health = health(jobs.get(JobPhase.SUCCEEDED));
    assertThat(health.status()).isEqualTo("Healthy");
    assertThat(health.message()).contains(jobs.get(JobPhase.SUCCEEDED).getStatus().getMessage());
  }

  @Test
  void failedIsDegradedWithTheOperatorsExplanation() {
    SparkBatchJob job = jobs.get(JobPhase.FAILED);
    Health health = health(job);
    assertThat(health.status()).isEqualTo("Degraded");
    assertThat(health.message())
        .contains(job.getStatus().getMessage())
        .startsWith(
            SERIALIZATION.convertValue(job, JsonNode.class).at("/status/reason").asText() + ": ");
  }

  @Test
  void runningIsProgressing() {
    assertThat(health(jobs.get(JobPhase.RUNNING)).status()).isEqualTo("Progressing");
  }

  @Test
  void retryingIsProgressingNotDegraded() {
    // A failed attempt that will be retried is not a failed job: Argo CD must keep waiting.
    SparkBatchJob job = jobs.get(JobPhase.RETRYING);
    Health health = health(job);
    assertThat(health.status()).isEqualTo("Progressing");
    assertThat(health.message()).contains(job.getStatus().getMessage());
  }

  @Test
  void aJobWithoutStatusYetIsProgressing() {
    SparkBatchJob fresh = TestJobs.sparkPi(NS, "fresh", "succeed");
    assertThat(health(fresh).status()).isEqualTo("Progressing");
  }

  @Test
  void aFinishedJobWhoseSpecChangedIsProgressingUntilTheOperatorCatchesUp() {
    // Right after `kubectl apply` of a new spec: the stored phase still describes the old one.
    SparkBatchJob job = SERIALIZATION.clone(jobs.get(JobPhase.FAILED));
    long observed = job.getStatus().getObservedGeneration();
    job.getMetadata().setGeneration(observed + 1);
    Health health = health(job);
    assertThat(health.status()).isEqualTo("Progressing");
    assertThat(health.message()).contains("generation " + (observed + 1));
  }

  @Test
  void argocdConfigMapSnippetCarriesTheSameScript() throws IOException {
    ConfigMap cm =
        SERIALIZATION.unmarshal(
            Files.readString(CrdGeneration.projectRoot().resolve("docs/argocd/argocd-cm.yaml")),
            ConfigMap.class);
    String key = "resource.customizations.health.sparkbatch.io_SparkBatchJob";
    assertThat(cm.getData().get(key).strip()).isEqualTo(Files.readString(SCRIPT).strip());
  }

  record Health(String status, String message) {}

  /** What Argo CD computes: the script run with the object as the global {@code obj}. */
  static Health health(SparkBatchJob job) {
    try {
      Globals globals = JsePlatform.standardGlobals();
      globals.set("obj", toLua(SERIALIZATION.convertValue(job, JsonNode.class)));
      LuaValue result = globals.load(Files.readString(SCRIPT), "health.lua").call();
      return new Health(result.get("status").tojstring(), result.get("message").tojstring());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** JSON as Argo CD hands it to Lua: objects and arrays as tables, numbers, strings, booleans. */
  private static LuaValue toLua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        table.set(field.getKey(), toLua(field.getValue()));
      }
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < node.size(); i++) {
        table.set(i + 1, toLua(node.get(i)));
      }
      return table;
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.booleanValue());
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.doubleValue());
    }
    return LuaValue.valueOf(node.asText());
  }
}
