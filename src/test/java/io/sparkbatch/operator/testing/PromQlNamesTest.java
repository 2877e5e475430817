package io.sparkbatch.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {
  @Test
  void findsTheMetricsAndNothingElse() {
    assertThat(
            PromQlNames.of(
                "histogram_quantile(0.95, sum by (le, outcome)"
                    + " (rate(sparkbatch_job_run_duration_seconds_bucket{namespace=~\"$namespace\"}[1h])))"))
        .containsExactly("sparkbatch_job_run_duration_seconds_bucket");
    assertThat(
            PromQlNames.of(
                "sum(increase(a_total[30m])) / clamp_min(sum(b_count) + sum(c_x offset 1h), 1)"
                    + " > 0.25 and on (namespace) d_y >= 3"))
        .containsExactly("a_total", "b_count", "c_x", "d_y");
    assertThat(PromQlNames.of("label_values(sparkbatch_jobs, namespace)"))
        .containsExactly("sparkbatch_jobs");
  }
}
