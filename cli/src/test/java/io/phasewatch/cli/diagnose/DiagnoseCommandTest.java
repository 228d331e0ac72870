package io.phasewatch.cli.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.phasewatch.cli.Main;
import io.phasewatch.core.domain.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code phasewatch diagnose} end to end, in process, on the bundled snapshot. Expected numbers
 * come from METHOD.md §1.4 (the paper panel), from data/shared/SOURCES.md (the frontier r) or are
 * recomputed here by a direct formula on the same CSV rows.
 */
class DiagnoseCommandTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static JsonNode json(Run run) throws IOException {
    assertThat(run.exit()).as(run.err()).isZero();
    return Json.mapper().readTree(run.out());
  }

  private static JsonNode bundled;

  @BeforeAll
  static void diagnoseBundledOnce() throws IOException {
    bundled = json(run("diagnose", "--bundled", "--json"));
  }

  /** The rows of a bundled CSV (no quoted fields in these files), header → value. */
  static List<Map<String, String>> bundledRows(String name) throws IOException {
    String text = Sources.read("bundled:" + name);
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new TreeMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  static double pearson(double[] x, double[] y) {
    int n = x.length;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      syy += y[i] * y[i];
      sxy += x[i] * y[i];
    }
    return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
  }

  static JsonNode family(String name) {
    for (JsonNode f : bundled.path("base").path("families")) {
      if (f.path("family").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no family " + name);
  }

  @Test
  void paperPanelReproducesThePublishedCriticalScale() {
    JsonNode paper = bundled.path("base").path("paper_panel");
    assertThat(paper.path("n").asInt()).isEqualTo(14);
    JsonNode nc = paper.path("nc");
    // METHOD.md §1.4: median 3.49B, 95% [2.92B, 13.40B], 68% [3.15B, 4.33B], vertex 3.43B
    assertThat(nc.path("median_b").asDouble()).isCloseTo(3.49, within(3.49 * 0.02));
    assertThat(nc.path("ci95_b").get(0).asDouble()).isCloseTo(2.92, within(2.92 * 0.02));
    // the upper bound rests on few resamples and moves with the draw (METHOD.md: ~12.7–15.6B);
    // sorting the panel by size (order-free results) makes seed 42 another draw than CAPE's
    assertThat(nc.path("ci95_b").get(1).asDouble()).isBetween(12.0, 16.5);
    assertThat(nc.path("ci68_b").get(0).asDouble()).isCloseTo(3.15, within(3.15 * 0.02));
    assertThat(nc.path("ci68_b").get(1).asDouble()).isCloseTo(4.33, within(4.33 * 0.02));
    assertThat(nc.path("resamples").asInt()).isEqualTo(10_000);
    assertThat(nc.path("kept").asInt()).isBetween(9_900, 10_000);
    assertThat(paper.path("nc_vertex_b").asDouble()).isCloseTo(3.43, within(0.01));
  }

  @Test
  void familyRIsPearsonOfTheSameRows() throws IOException {
    for (String family : List.of("Pythia", "OPT", "Llama-1")) {
      List<Map<String, String>> rows = bundledRows("base_models.csv").stream()
          .filter(r -> r.get("family").equals(family)).toList();
      double[] hs = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("hellaswag"))).toArray();
      double[] tqa = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("truthfulqa"))).toArray();
      JsonNode f = family(family);
      assertThat(f.path("n").asInt()).isEqualTo(rows.size());
      assertThat(f.path("r").asDouble()).as(family).isCloseTo(pearson(hs, tqa), within(1e-9));
    }
  }

  @Test
  void pythiaWidthNormalisedRIsPearsonOfScoresDividedByWidth() throws IOException {
    List<Map<String, String>> rows = bundledRows("base_models.csv").stream()
        .filter(r -> r.get("family").equals("Pythia")).toList();
    double[] hs = new double[rows.size()];
    double[] tqa = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      double f = Double.parseDouble(rows.get(i).get("d_model")) / 512;
      hs[i] = Double.parseDouble(rows.get(i).get("hellaswag")) / f;
      tqa[i] = Double.parseDouble(rows.get(i).get("truthfulqa")) / f;
    }
    assertThat(family("Pythia").path("r_width_normalized").asDouble())
        .isCloseTo(pearson(hs, tqa), within(1e-9));
    // falcon-11B has no d_model in the snapshot: no width-normalised r, and a reason
    assertThat(family("Falcon").path("r_width_normalized").isNull()).isTrue();
    assertThat(family("Falcon").path("undefined").path("r_width_normalized").asText())
        .contains("tiiuae/falcon-11B");
  }

  @Test
  void familyGammaIsTheStepBetweenConsecutiveSizes() {
    JsonNode models = family("Llama-2").path("models");
    // Llama-2 7B → 13B in the snapshot: HS 78.59 → 82.13, TQA 38.76 → 37.38
    assertThat(models.get(0).path("gamma12").isNull()).isTrue();
    assertThat(models.get(1).path("gamma12").asDouble())
        .isCloseTo((37.38 - 38.76) / (82.13 - 78.59), within(1e-12));
    assertThat(models.get(1).path("phase").asText()).isEqualTo("tax");
    assertThat(models.get(2).path("gamma12").asDouble())
        .isCloseTo((44.92 - 37.38) / (87.33 - 82.13), within(1e-12));
    assertThat(models.get(2).path("phase").asText()).isEqualTo("bonus");
    JsonNode crossing = family("Llama-2").path("crossing");
    assertThat(crossing.path("from_model").asText()).isEqualTo("meta-llama/Llama-2-13b-hf");
    assertThat(crossing.path("to_model").asText()).isEqualTo("meta-llama/Llama-2-70b-hf");
    assertThat(family("Llama-2").path("largest_phase").asText()).isEqualTo("bonus");
  }

  @Test
  void frontierCohortTrendMatchesAnIndependentFit() throws IOException {
    JsonNode f = bundled.path("frontier");
    assertThat(f.path("cohort").asText()).isEqualTo("frontier");
    assertThat(f.path("n").asInt()).isEqualTo(57);
    assertThat(f.path("r").asDouble()).isCloseTo(0.736, within(0.0005)); // SOURCES.md
    List<Map<String, String>> rows = bundledRows("frontier.csv");
    double[] swe = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("swe_bench_verified"))).toArray();
    double[] gpqa = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("gpqa_diamond"))).toArray();
    double r = pearson(swe, gpqa);
    assertThat(f.path("r").asDouble()).isCloseTo(r, within(1e-9));
    double sdRatio = Math.sqrt(sumOfSquares(gpqa) / sumOfSquares(swe));
    assertThat(f.path("slope").asDouble()).isCloseTo(r * sdRatio, within(1e-9));
    assertThat(f.path("intercept").asDouble())
        .isCloseTo(mean(gpqa) - r * sdRatio * mean(swe), within(1e-9));
    assertThat(f.path("labs")).hasSize(17);
  }

  @Test
  void frontierHIsTheResidualOfTheTrend() {
    JsonNode f = bundled.path("frontier");
    double slope = f.path("slope").asDouble();
    double intercept = f.path("intercept").asDouble();
    for (JsonNode rel : f.path("releases")) {
      double predicted = slope * rel.path("b1").asDouble() + intercept;
      double h = rel.path("b2").asDouble() - predicted;
      assertThat(rel.path("h").asDouble()).isCloseTo(h, within(1e-9));
      assertThat(rel.path("pi95").get(0).asDouble()).isLessThan(predicted);
      assertThat(rel.path("pi95").get(1).asDouble()).isGreaterThan(predicted);
      assertThat(rel.path("label").asText())
          .isEqualTo(h < -10 ? "coding_specialist" : h > 10 ? "reasoning_specialist" : "cooperative");
    }
  }

  @Test
  void jsonDocumentHasEveryDocumentedField() {
    assertThat(bundled.path("schema_version").asInt()).isEqualTo(1);
    JsonNode fam = bundled.path("base").path("families").get(0);
    assertFields(fam, "family", "n", "r", "p_parametric", "r_width_normalized", "crossing", "models",
        "nc_b", "largest_model", "largest_gamma12", "largest_phase", "undefined");
    assertFields(fam.path("models").get(0), "model", "params_b", "b1", "b2", "gamma12", "phase",
        "isocline_phase");
    JsonNode crossing = family("Llama-2").path("crossing");
    assertFields(crossing, "from_model", "to_model");

    JsonNode pooled = bundled.path("base").path("pooled");
    assertFields(pooled, "panel", "n", "families", "r", "p_parametric", "p_permutation",
        "nc_gamma_zero_b", "nc_vertex_b", "nc", "models", "undefined");
    assertFields(pooled.path("nc"), "median_b", "ci95_b", "ci68_b", "kept", "resamples");
    assertThat(pooled.path("nc").path("ci95_b")).hasSize(2);
    assertThat(pooled.path("nc").path("ci68_b")).hasSize(2);
    assertThat(pooled.path("n").asInt()).isEqualTo(114);

    JsonNode f = bundled.path("frontier");
    assertFields(f, "n", "r", "p", "slope", "intercept", "slope_se", "intercept_se", "releases",
        "labs", "saturation", "rolling", "undefined");
    assertFields(f.path("releases").get(0), "model", "lab", "release_date", "b1", "b2", "h",
        "label", "pi95");
    assertThat(f.path("releases").get(0).path("pi95")).hasSize(2);
    assertFields(f.path("labs").get(0), "lab", "n", "mean_h", "slope");
    assertFields(f.path("saturation"), "top_k", "spreads", "pairs", "activations");
    assertThat(bundled.path("rejected").isArray()).isTrue();
    assertFields(bundled.path("inputs"), "base", "paper_panel", "frontier", "panel_families",
        "resamples", "seed");
  }

  @Test
  void aLabWithOneReleaseHasANullSlope() {
    for (JsonNode lab : bundled.path("frontier").path("labs")) {
      if (lab.path("n").asInt() < 2) {
        assertThat(lab.path("slope").isNull()).as(lab.path("lab").asText()).isTrue();
      }
    }
  }

  @Test
  void tablesShowFamiliesPooledNcAndFrontierTrend() {
    Run r = run("diagnose", "--bundled", "--resamples", "500");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("BASE MODELS: families")
        .contains("Pythia-deduped")
        .contains("POOLED PANEL \"pooled\": n = 114, 30 families")
        .contains("PAPER PANEL")
        .contains("N_c bootstrap median = ")
        .contains("FRONTIER COHORT \"frontier\": n = 57, 17 labs")
        .contains("r = +0.736");
  }

  @Test
  void panelFamiliesPoolsOnlyTheNamedFamilies() throws IOException {
    JsonNode doc = json(run("diagnose", "--base", "bundled:base_models.csv", "--panel-families",
        "pythia,Llama-2", "--resamples", "200", "--json"));
    JsonNode pooled = doc.path("base").path("pooled");
    assertThat(pooled.path("families").toString()).isEqualTo("[\"Llama-2\",\"Pythia\"]");
    assertThat(pooled.path("n").asInt()).isEqualTo(10);
    assertThat(doc.path("base").path("families")).hasSize(30);
    assertThat(doc.path("frontier").isNull()).isTrue();
  }

  @Test
  void unknownPanelFamilyIsAUsageError() {
    Run r = run("diagnose", "--bundled", "--panel-families", "Nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("phasewatch diagnose: --panel-families: no family 'Nope'");
  }

  @Test
  void badRowsAreReportedSkippedAndCounted(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("panel.csv");
    Files.writeString(csv, """
        model,family,params_b,hellaswag,truthfulqa
        a,F,1,40,45
        b,F,two,50,40
        c,F,3,55,38
        d,F,4,60,41
        e,F,5,65,
        """, StandardCharsets.UTF_8);
    Run r = run("diagnose", "--base", csv.toString(), "--resamples", "100", "--json");
    JsonNode doc = json(r);
    assertThat(r.err()).contains(csv + ":3: field 'params_b': not a number: 'two' (row skipped)")
        .contains(csv + ":6: field 'truthfulqa': missing value (row skipped)");
    assertThat(doc.path("inputs").path("base").path("rows").asInt()).isEqualTo(5);
    assertThat(doc.path("inputs").path("base").path("accepted").asInt()).isEqualTo(3);
    assertThat(doc.path("inputs").path("base").path("rejected").asInt()).isEqualTo(2);
    JsonNode first = doc.path("rejected").get(0);
    assertThat(first.path("file").asText()).isEqualTo(csv.toString());
    assertThat(first.path("line").asInt()).isEqualTo(3);
    assertThat(first.path("field").asText()).isEqualTo("params_b");
    assertThat(first.path("reason").asText()).isEqualTo("not a number: 'two'");
    assertThat(doc.path("base").path("pooled").path("n").asInt()).isEqualTo(3);

    Run table = run("diagnose", "--base", csv.toString(), "--resamples", "100");
    assertThat(table.out()).contains("2 rejected").contains("2 row(s) skipped");
  }

  @Test
  void missingFileIsOneLineAndExitCodeTwo() {
    Run r = run("diagnose", "--base", "/nonexistent/panel.csv");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("phasewatch diagnose: /nonexistent/panel.csv: no such file"
        + System.lineSeparator());
    assertThat(r.out()).isEmpty();
  }

  @Test
  void missingRequiredColumnIsOneLineAndExitCodeTwo(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("f.csv");
    Files.writeString(csv, "model,lab,gpqa_diamond\nm,L,50\n", StandardCharsets.UTF_8);
    Run r = run("diagnose", "--frontier", csv.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines().toList()).containsExactly("phasewatch diagnose: " + csv
        + ": missing required column swe_bench_verified (header: model,lab,gpqa_diamond)");
  }

  @Test
  void withoutAnyInputItIsAUsageError() {
    Run r = run("diagnose");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("give --base FILE.csv, --frontier FILE.csv, or --bundled")
        .contains("Usage: phasewatch diagnose");
  }

  @Test
  void rejectsAnOutOfRangeSeedOrResampleCount() {
    assertThat(run("diagnose", "--bundled", "--seed", "-1").exit()).isEqualTo(2);
    assertThat(run("diagnose", "--bundled", "--resamples", "0").exit()).isEqualTo(2);
  }

  @Test
  void everyCommandHasHelpAndVersion() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"diagnose", "--help"})) {
      Run r = run(args);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("Usage: phasewatch");
    }
    for (String[] args : List.of(new String[] {"--version"}, new String[] {"diagnose", "--version"})) {
      Run r = run(args);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).startsWith("phasewatch ").doesNotContain("${");
    }
  }

  @Test
  void paperPanelAloneIsTheBasePanel() throws IOException {
    JsonNode doc = json(run("diagnose", "--paper-panel", "--resamples", "200", "--json"));
    assertThat(doc.path("base").path("pooled").path("n").asInt()).isEqualTo(14);
    assertThat(doc.path("base").path("families")).extracting(n -> n.path("family").asText())
        .containsExactly("Llama-1", "Llama-2", "Pythia");
    assertThat(doc.path("base").path("paper_panel").isNull()).isTrue();
  }

  @Test
  void epochCohortsAreReadableFromTheJar() throws IOException {
    JsonNode doc = json(run("diagnose", "--frontier", "bundled:frontier_epoch_2026-04.csv", "--json"));
    assertThat(doc.path("frontier").path("cohort").asText()).isEqualTo("frontier_epoch_2026-04");
    assertThat(doc.path("frontier").path("n").asInt()).isEqualTo(20);
    assertThat(doc.path("base").isNull()).isTrue();
  }

  private static void assertFields(JsonNode node, String... fields) {
    for (String f : fields) {
      assertThat(node.has(f)).as("field '%s' in %s", f, node.toString().substring(0,
          Math.min(120, node.toString().length()))).isTrue();
    }
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  private static double sumOfSquares(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double d : v) {
      s += (d - m) * (d - m);
    }
    return s;
  }
}
