package io.phasewatch.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.FrontierRelease;
import io.phasewatch.streams.errors.Rejections;
import io.phasewatch.streams.topology.DiagnosisKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus names and labels the meters have once a diagnosis of each kind is published:
 * those of the working contract, which the dashboards and prometheus/rules query.
 */
class PhasewatchMetricsTest {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)\\})? (\\S+)$");
  private static final DiagnosisConfig CONFIG = DiagnosisConfig.defaults().withBootstrap(200, 42);

  /** Name → label names → the sample's value, of every phasewatch series scraped. */
  private static Map<String, Map<String, String>> scrape(PrometheusMeterRegistry registry) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (String line : registry.scrape().split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches() || !m.group(1).startsWith("phasewatch_")) {
        continue;
      }
      TreeSet<String> labels = new TreeSet<>();
      if (m.group(2) != null) {
        for (String pair : m.group(2).split(",")) {
          labels.add(pair.substring(0, pair.indexOf('=')));
        }
      }
      out.computeIfAbsent(m.group(1), k -> new TreeMap<>())
          .put(labels + (m.group(2) == null ? "" : "{" + m.group(2) + "}"), m.group(3));
    }
    return out;
  }

  private static List<BaseModelPoint> family(String name, double[][] sizeHsTqa) {
    List<BaseModelPoint> out = new ArrayList<>();
    for (double[] row : sizeHsTqa) {
      out.add(new BaseModelPoint(name + "-" + row[0] + "b", name, row[0], row[1], row[2],
          OptionalInt.empty(), Map.of()));
    }
    return out;
  }

  @Test
  void exportsTheContractNamesWithTheirLabelsOnly() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PhasewatchMetrics metrics = new PhasewatchMetrics(registry, new Rejections(), "9.9.9");
    // γ12 (38 − 40)/(50 − 40) = −0.2, then (42 − 38)/(60 − 50) = +0.4: crossed, ends in bonus
    List<BaseModelPoint> fam = family("fam", new double[][] {{1, 40, 40}, {2, 50, 38},
        {4, 60, 42}});
    List<BaseModelPoint> other = family("other", new double[][] {{1, 30, 45}, {3, 45, 41},
        {9, 55, 39}, {20, 62, 37}});
    List<BaseModelPoint> pooled = new ArrayList<>(fam);
    pooled.addAll(other);
    metrics.published(DiagnosisKind.FAMILY, "fam", Diagnoses.family("fam", fam, CONFIG));
    metrics.published(DiagnosisKind.FAMILY, "other", Diagnoses.family("other", other, CONFIG));
    metrics.published(DiagnosisKind.PANEL, "base", Diagnoses.panel("base", pooled, CONFIG));
    List<FrontierRelease> releases = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      releases.add(new FrontierRelease("m" + i, i % 2 == 0 ? "a" : "b",
          Optional.of(LocalDate.of(2025, 1, 1).plusDays(20L * i)), 40 + 3 * i, 60 + 2 * i
              + (i % 3), Map.of("hle", 5.0 + i)));
    }
    FrontierDiagnosis cohort = Diagnoses.frontier("frontier", releases, CONFIG);
    metrics.published(DiagnosisKind.FRONTIER, "frontier", cohort);
    metrics.received("score");
    metrics.received("score");
    metrics.received("model");

    Map<String, Map<String, String>> scraped = scrape(registry);
    Map<String, String> labelsByName = new TreeMap<>();
    scraped.forEach((name, series) -> {
      TreeSet<String> sets = new TreeSet<>();
      series.keySet().forEach(k -> sets.add(k.replaceAll("\\{.*$", "")));
      assertThat(sets).as("one set of label names per meter name: %s", name).hasSize(1);
      labelsByName.put(name, sets.first());
    });
    Map<String, String> expected = new TreeMap<>();
    for (String n : List.of("coupling", "phase", "models", "nc_billions", "crossed")) {
      expected.put("phasewatch_family_" + n, "[family]");
    }
    for (String n : List.of("nc_median_billions", "nc_lower_billions", "nc_upper_billions",
        "nc_kept_resamples", "r", "models")) {
      expected.put("phasewatch_panel_" + n, "[panel]");
    }
    for (String n : List.of("r", "slope", "rolling_r", "models")) {
      expected.put("phasewatch_frontier_" + n, "[cohort]");
    }
    expected.put("phasewatch_frontier_saturation_sigma", "[benchmark, cohort]");
    expected.put("phasewatch_records_in_total", "[kind]");
    expected.put("phasewatch_rejected_total", "[reason]");
    expected.put("phasewatch_alerts_total", "[kind]");
    expected.put("phasewatch_build_info", "[version]");
    for (String suffix : List.of("count", "sum", "max")) {
      expected.put("phasewatch_diagnosis_seconds_" + suffix, "[kind]");
    }
    assertThat(labelsByName).isEqualTo(expected);

    assertThat(scraped.get("phasewatch_family_crossed"))
        .containsEntry("[family]{family=\"fam\"}", "1.0")
        .containsEntry("[family]{family=\"other\"}", "0.0");
    assertThat(scraped.get("phasewatch_panel_models"))
        .containsEntry("[panel]{panel=\"base\"}", "7.0");
    assertThat(scraped.get("phasewatch_frontier_models"))
        .containsEntry("[cohort]{cohort=\"frontier\"}", "12.0");
    assertThat(scraped.get("phasewatch_frontier_saturation_sigma").keySet())
        .anyMatch(k -> k.contains("benchmark=\"gpqa_diamond/hle\"")
            || k.contains("benchmark=\"swe_bench_verified/hle\""));
    assertThat(scraped.get("phasewatch_records_in_total"))
        .containsEntry("[kind]{kind=\"score\"}", "2.0")
        .containsEntry("[kind]{kind=\"model\"}", "1.0");
    assertThat(scraped.get("phasewatch_build_info"))
        .containsEntry("[version]{version=\"9.9.9\"}", "1");
  }

  @Test
  void rejectionsCountIntoTheRejectedCounterAnotherRoleSharesInTheSameRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // what the ingest role registers first when phasewatch run shares one registry
    Counter ingest = Counter.builder("phasewatch.rejected").tag("reason", "out_of_range")
        .register(registry);
    ingest.increment(2);
    Rejections rejections = new Rejections();
    new PhasewatchMetrics(registry, rejections, "1");
    rejections.count("out_of_range");
    rejections.count("malformed");
    rejections.count("malformed");
    assertThat(ingest.count()).isEqualTo(3.0);
    assertThat(scrape(registry).get("phasewatch_rejected_total"))
        .containsEntry("[reason]{reason=\"out_of_range\"}", "3.0")
        .containsEntry("[reason]{reason=\"malformed\"}", "2.0");
  }

  @Test
  void aRetractedFamilyTakesItsSeriesAway() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PhasewatchMetrics metrics = new PhasewatchMetrics(registry, new Rejections(), "1");
    FamilyDiagnosis d = Diagnoses.family("fam", family("fam", new double[][] {{1, 40, 40},
        {2, 50, 38}, {4, 60, 42}}), CONFIG);
    metrics.published(DiagnosisKind.FAMILY, "fam", d);
    assertThat(scrape(registry)).containsKey("phasewatch_family_crossed");
    metrics.published(DiagnosisKind.FAMILY, "fam", null);
    assertThat(scrape(registry)).doesNotContainKeys("phasewatch_family_crossed",
        "phasewatch_family_phase");
  }
}
