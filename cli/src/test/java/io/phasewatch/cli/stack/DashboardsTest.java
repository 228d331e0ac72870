package io.phasewatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasewatch.cli.stack.Dashboards.Dashboard;
import io.phasewatch.cli.stack.Dashboards.Query;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Structure of the Grafana dashboards (Grafana itself cannot run here): stable uids, the
 * datasource variable everywhere, and queries that use only what the app exports.
 */
class DashboardsTest {
  private static final String DATASOURCE_REF = "${datasource}";
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*(\\w+)\\s*\\)\\s*$");

  @Test
  void theFourDashboardsHaveTheirStableUids() {
    List<Dashboard> all = Dashboards.all();
    assertThat(all).extracting(Dashboard::uid).containsExactlyInAnyOrder("phasewatch-overview",
        "phasewatch-family", "phasewatch-frontier", "phasewatch-pipeline");
    for (Dashboard d : all) {
      assertThat(d.json().path("schemaVersion").asInt()).as(d.name()).isEqualTo(39);
      assertThat(d.json().path("id").isNull()).as("%s: a provisioned dashboard has id null",
          d.name()).isTrue();
      assertThat(d.json().path("title").asText()).as(d.name()).startsWith("phasewatch / ");
    }
  }

  @Test
  void everyDashboardHasADatasourceVariableDefaultingToTheProvisionedUid() {
    String provisioned = ProvisioningTest.provisionedDatasourceUid();
    for (Dashboard d : Dashboards.all()) {
      JsonNode v = d.variable("datasource").orElseThrow(
          () -> new AssertionError(d.name() + " has no `datasource` variable"));
      assertThat(v.path("type").asText()).as(d.name()).isEqualTo("datasource");
      assertThat(v.path("query").asText()).as(d.name()).isEqualTo("prometheus");
      assertThat(v.path("current").path("value").asText()).as(d.name()).isEqualTo(provisioned);
    }
  }

  @Test
  void everyPanelAndEveryTargetQueriesThroughTheDatasourceVariable() {
    for (Dashboard d : Dashboards.all()) {
      assertThat(d.panels()).as(d.name()).isNotEmpty();
      for (JsonNode p : d.panels()) {
        String where = d.name() + " / \"" + p.path("title").asText() + "\"";
        assertThat(p.path("datasource").path("uid").asText()).as(where).isEqualTo(DATASOURCE_REF);
        assertThat(p.path("datasource").path("type").asText()).as(where).isEqualTo("prometheus");
        assertThat(p.path("targets")).as("%s has no query", where).isNotEmpty();
        for (JsonNode t : p.path("targets")) {
          assertThat(t.path("datasource").path("uid").asText()).as(where)
              .isEqualTo(DATASOURCE_REF);
          assertThat(t.path("refId").asText()).as(where).isNotBlank();
          assertThat(t.path("expr").asText()).as(where).isNotBlank();
        }
      }
    }
  }

  @Test
  void noDatasourceUidIsHardCodedAnywhere() {
    for (Dashboard d : Dashboards.all()) {
      List<String> found = new ArrayList<>();
      collectDatasourceUids(d.json(), "", found);
      assertThat(found).as(d.name()).allSatisfy(
          entry -> assertThat(entry).endsWith("=" + DATASOURCE_REF));
    }
  }

  @Test
  void panelIdsAreUniqueAndPanelsFitTheGrid() {
    for (Dashboard d : Dashboards.all()) {
      Set<Integer> ids = new HashSet<>();
      for (JsonNode p : d.panels()) {
        String where = d.name() + " / \"" + p.path("title").asText() + "\"";
        assertThat(ids.add(p.path("id").asInt())).as("%s: duplicate id", where).isTrue();
        JsonNode g = p.path("gridPos");
        assertThat(g.path("w").asInt()).as(where).isPositive();
        assertThat(g.path("h").asInt()).as(where).isPositive();
        assertThat(g.path("x").asInt() + g.path("w").asInt()).as("%s: beyond 24 columns", where)
            .isLessThanOrEqualTo(24);
      }
      Set<String> refIds = new HashSet<>();
      for (JsonNode p : d.panels()) {
        refIds.clear();
        for (JsonNode t : p.path("targets")) {
          assertThat(refIds.add(t.path("refId").asText()))
              .as("%s / \"%s\": duplicate refId", d.name(), p.path("title").asText()).isTrue();
        }
      }
    }
  }

  @Test
  void everyQueryUsesOnlyMetricNamesTheAppExports() {
    List<String> unknown = new ArrayList<>();
    for (Query q : Dashboards.allQueries()) {
      PromQl.Refs refs = PromQl.refs(q.expr());
      assertThat(refs.metrics()).as("no metric in %s", q).isNotEmpty();
      for (String name : refs.metrics()) {
        if (ExportedMetrics.labelsOf(name).isEmpty()) {
          unknown.add(name + " in " + q);
        }
      }
    }
    assertThat(unknown).as("metric names not exported by phasewatch (ExportedMetrics)").isEmpty();
  }

  @Test
  void everyQueryUsesOnlyLabelsItsMetricsCarry() {
    List<String> problems = new ArrayList<>();
    for (Query q : Dashboards.allQueries()) {
      PromQl.Refs refs = PromQl.refs(q.expr());
      Set<String> available = new TreeSet<>(ExportedMetrics.TARGET_LABELS);
      for (Map.Entry<String, Set<String>> sel : refs.selectorLabels().entrySet()) {
        Set<String> own = ExportedMetrics.labelsOf(sel.getKey()).orElse(Set.of());
        for (String label : sel.getValue()) {
          if (!own.contains(label) && !ExportedMetrics.TARGET_LABELS.contains(label)) {
            problems.add("label " + label + " on " + sel.getKey() + " in " + q);
          }
        }
      }
      for (String name : refs.metrics()) {
        available.addAll(ExportedMetrics.labelsOf(name).orElse(Set.of()));
      }
      for (String label : refs.groupingLabels()) {
        if (!available.contains(label)) {
          problems.add("grouping label " + label + " in " + q);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyVariableAQueryUsesIsDefinedOnItsDashboard() {
    for (Dashboard d : Dashboards.all()) {
      Set<String> defined = new HashSet<>(Dashboards.GLOBAL_VARIABLES);
      d.variables().forEach(v -> defined.add(v.path("name").asText()));
      for (Query q : d.queries()) {
        assertThat(PromQl.refs(q.expr()).variables()).as("%s", q).isSubsetOf(defined);
      }
    }
  }

  @Test
  void queryVariablesAreLabelValuesOfExportedMetricsAndLabels() {
    int seen = 0;
    for (Dashboard d : Dashboards.all()) {
      for (JsonNode v : d.variables()) {
        if (!"query".equals(v.path("type").asText())) {
          continue;
        }
        seen++;
        String where = d.name() + " variable " + v.path("name").asText();
        assertThat(v.path("datasource").path("uid").asText()).as(where).isEqualTo(DATASOURCE_REF);
        Matcher m = LABEL_VALUES.matcher(Dashboards.variableQuery(v));
        assertThat(m.matches()).as("%s: not label_values(metric, label)", where).isTrue();
        Set<String> labels = ExportedMetrics.labelsOf(m.group(1)).orElseThrow(
            () -> new AssertionError(where + ": " + m.group(1) + " is not exported"));
        Set<String> all = ExportedMetrics.union(labels, ExportedMetrics.TARGET_LABELS);
        assertThat(all).as(where).contains(m.group(2));
      }
    }
    assertThat(seen).isPositive();
  }

  @Test
  void familyAndFrontierDashboardsSelectOnFamilyAndCohortVariables() {
    Map<String, String> expected = Map.of("phasewatch-family", "family",
        "phasewatch-frontier", "cohort");
    for (Dashboard d : Dashboards.all()) {
      String variable = expected.get(d.uid());
      if (variable == null) {
        continue;
      }
      JsonNode v = d.variable(variable).orElseThrow(
          () -> new AssertionError(d.name() + " has no $" + variable));
      Matcher m = LABEL_VALUES.matcher(Dashboards.variableQuery(v));
      assertThat(m.matches()).isTrue();
      assertThat(m.group(2)).isEqualTo(variable);
      long using = d.queries().stream()
          .filter(q -> PromQl.refs(q.expr()).variables().contains(variable)).count();
      assertThat(using).as("%s queries using $%s", d.name(), variable).isGreaterThan(3);
    }
  }

  @Test
  void eachDashboardShowsTheMetricsItIsFor() {
    Map<String, List<String>> expected = Map.of(
        "phasewatch-overview", List.of("phasewatch_family_phase", "phasewatch_family_coupling",
            "phasewatch_family_nc_billions", "phasewatch_family_crossed",
            "phasewatch_panel_nc_median_billions", "phasewatch_panel_nc_lower_billions",
            "phasewatch_panel_nc_upper_billions"),
        "phasewatch-family", List.of("phasewatch_family_coupling", "phasewatch_family_phase",
            "phasewatch_family_models", "phasewatch_family_nc_billions"),
        "phasewatch-frontier", List.of("phasewatch_frontier_r", "phasewatch_frontier_rolling_r",
            "phasewatch_frontier_saturation_sigma", "phasewatch_frontier_slope",
            "phasewatch_frontier_models"),
        "phasewatch-pipeline", List.of("phasewatch_records_in_total", "phasewatch_rejected_total",
            "phasewatch_alerts_total", "phasewatch_alerts_delivered_total",
            "kafka_stream_thread_process_rate", "kafka_stream_thread_commit_latency_avg",
            "kafka_consumer_fetch_manager_records_lag_max"));
    for (Dashboard d : Dashboards.all()) {
      Set<String> used = new TreeSet<>();
      d.queries().forEach(q -> used.addAll(PromQl.refs(q.expr()).metrics()));
      assertThat(used).as(d.name()).containsAll(expected.get(d.uid()));
    }
  }

  @Test
  void nothingSelectsMetricsByAComputedName() {
    for (Query q : Dashboards.allQueries()) {
      PromQl.Refs refs = PromQl.refs(q.expr());
      refs.selectorLabels().values().forEach(
          labels -> assertThat(labels).as("%s", q).doesNotContain("__name__"));
    }
  }

  @Test
  void everyKafkaMetricADashboardUsesIsListedInTheDeployDoc() {
    String doc = StackFiles.text(StackFiles.DEPLOY_DOC);
    Set<String> kafka = new TreeSet<>();
    for (Query q : Dashboards.allQueries()) {
      PromQl.refs(q.expr()).metrics().stream().filter(ExportedMetrics::isKafka)
          .forEach(kafka::add);
    }
    assertThat(kafka).as("the pipeline dashboard shows Kafka Streams metrics").isNotEmpty();
    assertThat(kafka).allSatisfy(name -> assertThat(doc).contains("`" + name + "`"));
  }

  private static void collectDatasourceUids(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        String p = path + "/" + f.getKey();
        if ("datasource".equals(f.getKey())) {
          if (f.getValue().isObject()) {
            out.add(p + "=" + f.getValue().path("uid").asText());
          } else if (f.getValue().isTextual()) {
            out.add(p + "=" + f.getValue().asText());
          }
        } else {
          collectDatasourceUids(f.getValue(), p, out);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectDatasourceUids(node.get(i), path + "/" + i, out);
      }
    }
  }
}
