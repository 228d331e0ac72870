package io.phasewatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The query reader the dashboard checks rely on: it must see every name, and only names. */
class PromQlTest {

  @Test
  void findsTheMetricInsideFunctionsAndIgnoresFunctionNames() {
    PromQl.Refs r = PromQl.refs("sum by (kind) (rate(phasewatch_records_in_total{job=\"$job\"}"
        + "[$__rate_interval]))");
    assertThat(r.metrics()).containsExactly("phasewatch_records_in_total");
    assertThat(r.selectorLabels()).containsOnlyKeys("phasewatch_records_in_total");
    assertThat(r.selectorLabels().get("phasewatch_records_in_total")).containsExactly("job");
    assertThat(r.groupingLabels()).containsExactly("kind");
    assertThat(r.variables()).containsExactly("job", "__rate_interval");
  }

  @Test
  void ignoresNamesInsideLabelValuesAndKeywordsAndNumbers() {
    PromQl.Refs r = PromQl.refs("count(max by (family) (phasewatch_family_phase"
        + "{family=~\"rate|phasewatch_secret_total\"}) == -1) or vector(0) + 1e3");
    assertThat(r.metrics()).containsExactly("phasewatch_family_phase");
    assertThat(r.groupingLabels()).containsExactly("family");
  }

  @Test
  void readsHistogramBucketsAndSeveralGroupingLabels() {
    PromQl.Refs r = PromQl.refs("histogram_quantile(0.95, sum by (sink, le) "
        + "(rate(phasewatch_alert_delivery_seconds_bucket[5m])))");
    assertThat(r.metrics()).containsExactly("phasewatch_alert_delivery_seconds_bucket");
    assertThat(r.groupingLabels()).containsExactly("sink", "le");
  }

  @Test
  void findsEveryOperandOfABinaryExpressionAndTheirMatchers() {
    PromQl.Refs r = PromQl.refs("phasewatch_family_nc_billions / on (panel) group_left "
        + "phasewatch_panel_nc_median_billions{panel=\"base\", model!=\"x\"} offset 5m");
    assertThat(r.metrics()).containsExactly("phasewatch_family_nc_billions",
        "phasewatch_panel_nc_median_billions");
    assertThat(r.selectorLabels().get("phasewatch_panel_nc_median_billions"))
        .containsExactly("panel", "model");
    assertThat(r.groupingLabels()).containsExactly("panel");
  }

  @Test
  void recordsLabelsOfASelectorWithoutAMetricName() {
    PromQl.Refs r = PromQl.refs("count({__name__=~\"kafka_.*\", job=\"phasewatch\"})");
    assertThat(r.metrics()).isEmpty();
    assertThat(r.selectorLabels().get("")).containsExactly("__name__", "job");
  }

  @Test
  void readsAllThreeGrafanaVariableSyntaxes() {
    PromQl.Refs r = PromQl.refs("x{a=\"$one\", b=\"${two}\", c=\"[[three]]\", d=\"${four:regex}\"}");
    assertThat(r.variables()).containsExactly("one", "two", "three", "four");
  }
}
