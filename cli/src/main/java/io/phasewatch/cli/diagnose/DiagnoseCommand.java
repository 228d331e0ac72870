package io.phasewatch.cli.diagnose;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.phasewatch.cli.UserInputException;
import io.phasewatch.cli.VersionProvider;
import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.Diagnoses;
import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.FrontierRelease;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.Json;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code phasewatch diagnose}: the METHOD.md analysis of a base-model panel and/or a frontier
 * cohort, offline, as tables or one JSON document. It calls the same facade
 * ({@link Diagnoses}) as the streams app.
 */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "The METHOD.md analysis of a base-model panel (--base) and/or a frontier cohort "
            + "(--frontier), or of the bundled snapshot (--bundled).",
        "",
        "Base CSV columns (any order, case-insensitive): model,family,params_b,hellaswag,"
            + "truthfulqa required; arc,winogrande,mmlu,gsm8k,d_model optional.",
        "Frontier CSV columns: model,lab,swe_bench_verified,gpqa_diamond required; "
            + "release_date (YYYY-MM-DD),hle,ifeval optional. Scores in percent.",
        "A FILE may be bundled:NAME to read a file of the embedded snapshot "
            + "(base_models.csv, paper_panel.csv, frontier.csv, frontier_epoch_2026-01.csv, "
            + "frontier_epoch_2026-04.csv).",
        ""},
    footer = {
        "",
        "Bad rows are reported on stderr (file:line: field: reason), skipped and counted.",
        "Exit codes: 0 done, 2 unusable input (missing file or column, bad option), 1 internal "
            + "error."})
public final class DiagnoseCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(DiagnoseCommand.class);

  @Spec
  CommandSpec spec;

  @Option(names = "--base", paramLabel = "FILE.csv", description = "Base-model panel.")
  String base;

  @Option(names = "--frontier", paramLabel = "FILE.csv", description = "Frontier cohort.")
  String frontier;

  @Option(names = "--bundled", description = "Use the embedded snapshot for whichever of --base "
      + "and --frontier is not given (bundled:base_models.csv, bundled:frontier.csv), and add the "
      + "paper's 14-model panel.")
  boolean bundled;

  @Option(names = "--paper-panel", description = "Also diagnose the paper's 14-model panel "
      + "(bundled:paper_panel.csv, METHOD.md §1.4) as a second pooled panel; alone, it is the "
      + "base panel.")
  boolean paperPanel;

  @Option(names = "--panel-families", split = ",", paramLabel = "FAMILY",
      description = "Pool only these families of the base panel (default: every row).")
  List<String> panelFamilies = new ArrayList<>();

  @Option(names = "--resamples", paramLabel = "N", defaultValue = "10000",
      description = "Bootstrap resamples for N_c (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of the bootstrap and the Monte Carlo permutation test "
          + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON document instead of tables.")
  boolean json;

  @Option(names = "--models", description = "Tables: also list every model and release.")
  boolean models;

  @Override
  public Integer call() {
    String baseFile = base != null ? base
        : bundled ? Sources.BUNDLED_BASE
        : paperPanel ? Sources.BUNDLED_PAPER_PANEL
        : null;
    String frontierFile = frontier != null ? frontier : bundled ? Sources.BUNDLED_FRONTIER : null;
    boolean withPaperPanel = (paperPanel || bundled) && !Sources.BUNDLED_PAPER_PANEL.equals(baseFile);
    if (baseFile == null && frontierFile == null) {
      throw new ParameterException(spec.commandLine(),
          "give --base FILE.csv, --frontier FILE.csv, or --bundled");
    }
    if (resamples < 1 || resamples > 10_000_000) {
      throw new ParameterException(spec.commandLine(),
          "--resamples must be between 1 and 10000000, got " + resamples);
    }
    if (seed < 0 || seed > 0xFFFF_FFFFL) {
      throw new ParameterException(spec.commandLine(),
          "--seed must be between 0 and 4294967295 (a 32-bit seed, like numpy's), got " + seed);
    }
    if (!panelFamilies.isEmpty() && baseFile == null) {
      throw new ParameterException(spec.commandLine(), "--panel-families needs a base panel");
    }
    DiagnosisConfig config = DiagnosisConfig.defaults().withBootstrap(resamples, seed);
    List<Rejection> rejected = new ArrayList<>();

    Optional<DiagnoseReport.FileSummary> baseSummary = Optional.empty();
    Optional<DiagnoseReport.FileSummary> paperSummary = Optional.empty();
    Optional<DiagnoseReport.FileSummary> frontierSummary = Optional.empty();
    PanelCsv.Read<BaseModelPoint> baseRead = null;
    PanelCsv.Read<BaseModelPoint> paperRead = null;
    PanelCsv.Read<FrontierRelease> frontierRead = null;

    if (baseFile != null) {
      baseRead = PanelCsv.base(baseFile, Sources.read(baseFile));
      baseSummary = Optional.of(summary(baseRead));
      rejected.addAll(baseRead.rejected());
    }
    if (withPaperPanel) {
      paperRead = PanelCsv.base(Sources.BUNDLED_PAPER_PANEL, Sources.read(Sources.BUNDLED_PAPER_PANEL));
      paperSummary = Optional.of(summary(paperRead));
      rejected.addAll(paperRead.rejected());
    }
    if (frontierFile != null) {
      frontierRead = PanelCsv.frontier(frontierFile, Sources.read(frontierFile),
          LocalDate.now(Clock.systemUTC()));
      frontierSummary = Optional.of(summary(frontierRead));
      rejected.addAll(frontierRead.rejected());
    }
    reportRejections(rejected);

    Optional<DiagnoseReport.Base> baseSection = Optional.empty();
    List<String> pooledFamilies = List.of();
    if (baseRead != null) {
      Map<String, List<BaseModelPoint>> byFamily = byFamily(baseRead.accepted());
      pooledFamilies = resolveFamilies(baseFile, byFamily);
      List<FamilyDiagnosis> families = new ArrayList<>();
      byFamily.forEach((family, points) -> families.add(Diagnoses.family(family, points, config)));
      List<BaseModelPoint> pooled = pooledFamilies.isEmpty()
          ? baseRead.accepted()
          : pooledFamilies.stream().flatMap(f -> byFamily.get(f).stream()).toList();
      String panelName = pooledFamilies.isEmpty() ? "pooled" : "pooled:" + String.join(",", pooledFamilies);
      LOG.info("diagnosing {} families and the pooled panel ({} models)", families.size(), pooled.size());
      PanelDiagnosis pooledDiagnosis = Diagnoses.panel(panelName, pooled, config);
      Optional<PanelDiagnosis> paper = paperRead == null ? Optional.empty()
          : Optional.of(Diagnoses.panel("paper-panel", paperRead.accepted(), config));
      baseSection = Optional.of(new DiagnoseReport.Base(families, pooledDiagnosis, paper));
    }
    Optional<FrontierDiagnosis> frontierSection = frontierRead == null ? Optional.empty()
        : Optional.of(Diagnoses.frontier(cohortName(frontierFile), frontierRead.accepted(), config));

    DiagnoseReport report = new DiagnoseReport(DiagnoseReport.SCHEMA_VERSION,
        VersionProvider.version(),
        new DiagnoseReport.Inputs(baseSummary, paperSummary, frontierSummary, pooledFamilies,
            resamples, seed),
        baseSection, frontierSection, rejected);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      try {
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write the report as JSON", e);
      }
    } else {
      new ReportPrinter(out, models).print(report);
    }
    out.flush();
    return 0;
  }

  private void reportRejections(List<Rejection> rejected) {
    PrintWriter err = spec.commandLine().getErr();
    for (Rejection r : rejected) {
      err.println("phasewatch diagnose: " + r + " (row skipped)");
    }
    err.flush();
  }

  private static <T> DiagnoseReport.FileSummary summary(PanelCsv.Read<T> read) {
    return new DiagnoseReport.FileSummary(read.file(), read.rows(), read.accepted().size(),
        read.rejected().size());
  }

  /** Families by name, sorted case-insensitively (then exactly), each list in file order. */
  private static Map<String, List<BaseModelPoint>> byFamily(List<BaseModelPoint> points) {
    Map<String, List<BaseModelPoint>> m = new TreeMap<>(
        Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT)).thenComparing(s -> s));
    for (BaseModelPoint p : points) {
      m.computeIfAbsent(p.family(), k -> new ArrayList<>()).add(p);
    }
    return m;
  }

  /** The --panel-families names as the file spells them; an unknown name is a usage error. */
  private List<String> resolveFamilies(String file, Map<String, List<BaseModelPoint>> byFamily) {
    Map<String, String> known = new LinkedHashMap<>();
    byFamily.keySet().forEach(f -> known.putIfAbsent(f.toLowerCase(Locale.ROOT), f));
    List<String> resolved = new ArrayList<>();
    for (String wanted : panelFamilies) {
      String name = known.get(wanted.trim().toLowerCase(Locale.ROOT));
      if (name == null) {
        throw new UserInputException("--panel-families: no family '" + wanted.trim() + "' in "
            + file + " (families: " + String.join(", ", byFamily.keySet()) + ")");
      }
      if (!resolved.contains(name)) {
        resolved.add(name);
      }
    }
    return resolved.stream().sorted(Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT))
        .thenComparing(s -> s)).toList();
  }

  /** The cohort is named after its file: bundled:frontier.csv gives "frontier". */
  static String cohortName(String file) {
    String name = file.startsWith(Sources.BUNDLED_PREFIX)
        ? file.substring(Sources.BUNDLED_PREFIX.length())
        : java.nio.file.Path.of(file).getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
  }
}
