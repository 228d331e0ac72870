package io.phasewatch.cli.run;

import static io.phasewatch.cli.Figures.billions;

import io.phasewatch.cli.Figures;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The table {@code phasewatch run} prints once the bundled history is processed: every family
 * with the phase of its largest interval and its crossing, each pooled panel's N_c with its 95%
 * interval, each frontier cohort's r, rolling r and saturation; each list sorted by name. Sizes stand for models (the ids
 * differ in case between a CSV and the ingested records), so the same table made from {@code
 * phasewatch diagnose --json} is the same text: the end-to-end test compares the two.
 */
public final class SummaryTable {
  static final String UNDEFINED = Figures.UNDEFINED;

  private SummaryTable() {}

  /** The table, lines separated by {@code \n}, ending with one. */
  public static String format(List<FamilyDiagnosis> families, List<PanelDiagnosis> panels,
      List<FrontierDiagnosis> cohorts) {
    StringBuilder b = new StringBuilder();
    List<FamilyDiagnosis> sorted = new ArrayList<>(families);
    sorted.sort(Comparator.comparing((FamilyDiagnosis f) -> f.family().toLowerCase(Locale.ROOT))
        .thenComparing(FamilyDiagnosis::family));
    int width = Math.max(6, sorted.stream().mapToInt(f -> f.family().length()).max().orElse(6));
    b.append("FAMILIES: phase of the interval ending at the largest model (γ12, METHOD.md §1.1-§1.2),")
        .append(" crossing = where γ12 last turned from negative to positive\n");
    b.append(String.format(Locale.ROOT, "  %-" + width + "s %3s %8s %7s  %-10s  %-15s %s\n",
        "family", "n", "largest", "γ12", "phase", "crossing", "N_c family"));
    for (FamilyDiagnosis f : sorted) {
      b.append(String.format(Locale.ROOT, "  %-" + width + "s %3d %8s %7s  %-10s  %-15s %s\n",
          f.family(), f.n(), largestSize(f).map(Figures::billions).orElse(UNDEFINED),
          signed(f.largestGamma12(), 2), f.largestPhase().orElse(UNDEFINED),
          f.crossing().map(c -> billions(c.fromParamsB()) + " → " + billions(c.toParamsB()))
              .orElse(UNDEFINED),
          billions(f.ncB())));
    }
    for (PanelDiagnosis p : panels.stream()
        .sorted(Comparator.comparing(PanelDiagnosis::panel)).toList()) {
      b.append(String.format(Locale.ROOT, "POOLED N_c, panel %s (%d models, %d families): %s\n",
          p.panel(), p.n(), p.families().size(), p.nc()
              .map(nc -> String.format(Locale.ROOT,
                  "median %s, 95%% CI [%s, %s], kept %d of %d resamples",
                  billions(nc.medianB()), billions(nc.ci95B().lo()), billions(nc.ci95B().hi()),
                  nc.kept(), nc.resamples()))
              .orElse(UNDEFINED + " (" + p.undefined().getOrDefault("nc", "undefined") + ")")
              + "; r(B1,B2) " + signed(p.r(), 3)));
    }
    for (FrontierDiagnosis c : cohorts.stream()
        .sorted(Comparator.comparing(FrontierDiagnosis::cohort)).toList()) {
      FrontierDiagnosis.Rolling rolling = c.rolling();
      b.append(String.format(Locale.ROOT,
          "FRONTIER, cohort %s (%d releases): r %s, slope %s; rolling r %s%s\n", c.cohort(),
          c.n(), signed(c.r(), 3), fixed(c.slope(), 3),
          rolling.latest().map(w -> signed(w.r(), 3) + " (" + w.firstDate() + " … "
              + w.lastDate() + ")").orElse(UNDEFINED),
          rolling.level().map(l -> ", level " + l).orElse("")));
      List<String> pairs = new ArrayList<>();
      for (FrontierDiagnosis.Pair p : c.saturation().pairs()) {
        pairs.add(p.activeAxis() + "/" + p.candidateAxis() + " " + fixed(p.sigma(), 2)
            + (p.rotate().orElse(false) ? " (rotate)" : ""));
      }
      b.append("  saturation σ (top ").append(c.saturation().topK()).append("): ")
          .append(pairs.isEmpty() ? UNDEFINED : String.join(", ", pairs)).append('\n');
    }
    return b.toString();
  }

  private static Optional<Double> largestSize(FamilyDiagnosis f) {
    return f.largestModel().flatMap(m -> f.models().stream()
        .filter(x -> x.model().equals(m)).findFirst().map(FamilyDiagnosis.Model::paramsB));
  }

  static String signed(OptionalDouble v, int decimals) {
    return v.isPresent()
        ? String.format(Locale.ROOT, "%+." + decimals + "f", v.getAsDouble()) : UNDEFINED;
  }

  static String fixed(OptionalDouble v, int decimals) {
    return v.isPresent()
        ? String.format(Locale.ROOT, "%." + decimals + "f", v.getAsDouble()) : UNDEFINED;
  }
}
