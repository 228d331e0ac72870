package io.phasewatch.cli.diagnose;

import static io.phasewatch.cli.Figures.billions;

import io.phasewatch.cli.Figures;
import io.phasewatch.core.diagnosis.Bounds;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The readable form of a {@link DiagnoseReport}: one section per input, tables inside. */
final class ReportPrinter {
  static final String UNDEFINED = Figures.UNDEFINED;

  private final PrintWriter out;
  private final boolean models;

  ReportPrinter(PrintWriter out, boolean models) {
    this.out = out;
    this.models = models;
  }

  void print(DiagnoseReport report) {
    out.println("phasewatch " + report.phasewatchVersion() + " diagnose");
    DiagnoseReport.Inputs in = report.inputs();
    in.base().ifPresent(s -> summaryLine("base panel", s));
    in.paperPanel().ifPresent(s -> summaryLine("paper panel", s));
    in.frontier().ifPresent(s -> summaryLine("frontier", s));
    if (!report.rejected().isEmpty()) {
      out.println("  " + report.rejected().size() + " row(s) skipped: see stderr, or --json "
          + "'rejected'");
    }
    report.base().ifPresent(this::base);
    report.frontier().ifPresent(this::frontier);
    out.println();
    out.println(UNDEFINED + " = undefined (too few models, no variance, no valley, …): --json "
        + "gives each reason under 'undefined'.");
  }

  private void summaryLine(String what, DiagnoseReport.FileSummary s) {
    out.printf(Locale.ROOT, "  %-12s %s: %d rows, %d used, %d rejected%n", what, s.file(), s.rows(),
        s.accepted(), s.rejected());
  }

  private void base(DiagnoseReport.Base base) {
    if (!base.families().isEmpty()) {
      out.println();
      out.println("BASE MODELS: families (METHOD.md §1.1–§1.5; B1 = HellaSwag, B2 = TruthfulQA)");
      TextTable t = new TextTable("family", ">n", ">r", ">r width-norm", ">N_c family",
          "largest model", ">γ12", "phase", "crossing");
      for (FamilyDiagnosis f : base.families()) {
        t.row(f.family(), Integer.toString(f.n()), signed(f.r(), 3), signed(f.rWidthNormalized(), 3),
            billions(f.ncB()), f.largestModel().orElse(UNDEFINED), signed(f.largestGamma12(), 2),
            f.largestPhase().orElse(UNDEFINED),
            f.crossing().map(c -> shortName(c.fromModel()) + " → " + shortName(c.toModel()))
                .orElse(UNDEFINED));
      }
      t.print(out, "  ");
      if (models) {
        for (FamilyDiagnosis f : base.families()) {
          familyModels(f);
        }
      }
    }
    panel("POOLED PANEL", base.pooled());
    base.paperPanel().ifPresent(p -> panel("PAPER PANEL (arXiv:2605.18838, METHOD.md §1.4)", p));
  }

  private void familyModels(FamilyDiagnosis f) {
    out.println();
    out.println("  " + f.family());
    TextTable t = new TextTable("model", ">params_b", ">B1", ">B2", ">γ12", "phase", "isocline");
    for (FamilyDiagnosis.Model m : f.models()) {
      t.row(m.model(), number(m.paramsB()), fixed(m.b1(), 2), fixed(m.b2(), 2),
          signed(m.gamma12(), 3), m.phase().orElse(UNDEFINED), m.isoclinePhase().orElse(UNDEFINED));
    }
    t.print(out, "    ");
    undefinedNotes(f.undefined(), "    ");
  }

  private void panel(String title, PanelDiagnosis p) {
    out.println();
    out.printf(Locale.ROOT, "%s \"%s\": n = %d, %d families (METHOD.md §1.3–§1.4)%n", title,
        p.panel(), p.n(), p.families().size());
    String perm = p.permutation()
        .map(pm -> pm.method().replace('_', ' ') + ", " + pm.permutations() + " orderings")
        .orElse("");
    out.printf(Locale.ROOT, "  r(B1,B2) = %s   p parametric = %s   p permutation = %s%s%n",
        signed(p.r(), 4), pValue(p.pParametric()), pValue(p.pPermutation()),
        perm.isEmpty() ? "" : " (" + perm + ")");
    if (p.nc().isPresent()) {
      PanelDiagnosis.NcBootstrap nc = p.nc().get();
      out.printf(Locale.ROOT, "  N_c bootstrap median = %s   95%% CI %s   68%% CI %s   "
              + "kept %d of %d resamples (seed %d)%n",
          billions(nc.medianB()), bounds(nc.ci95B()), bounds(nc.ci68B()), nc.kept(),
          nc.resamples(), nc.seed());
    } else {
      out.println("  N_c bootstrap = " + UNDEFINED);
    }
    out.printf(Locale.ROOT, "  N_c full-data vertex = %s%s   N_c γ12 zero crossing = %s%n",
        billions(p.ncVertexB()),
        p.quadratic().map(q -> String.format(Locale.ROOT, " (B2 = %.4g·x² %s %.4g·x %s %.4g)",
            q.a(), q.b() < 0 ? "−" : "+", Math.abs(q.b()), q.c() < 0 ? "−" : "+", Math.abs(q.c())))
            .orElse(""),
        billions(p.ncGammaZeroB()));
    undefinedNotes(p.undefined(), "  ");
  }

  private void frontier(FrontierDiagnosis f) {
    out.println();
    out.printf(Locale.ROOT, "FRONTIER COHORT \"%s\": n = %d, %d labs (METHOD.md §3; B1 = SWE-bench "
        + "Verified, B2 = GPQA Diamond)%n", f.cohort(), f.n(), f.labs().size());
    out.printf(Locale.ROOT, "  trend B2 = %s·B1 + %s   (se %s, %s)   r = %s   p = %s   s = %s%n",
        fixed(f.slope(), 3), fixed(f.intercept(), 2), fixed(f.slopeSe(), 3),
        fixed(f.interceptSe(), 2), signed(f.r(), 3), pValue(f.p()), fixed(f.residualSd(), 2));
    TextTable labs = new TextTable("lab", ">n", ">mean h", ">slope", ">LOLO MAE");
    for (FrontierDiagnosis.Lab l : f.labs()) {
      labs.row(l.lab(), Integer.toString(l.n()), signed(l.meanH(), 2), fixed(l.slope(), 3),
          fixed(l.holdoutMae(), 2));
    }
    labs.print(out, "  ");
    out.println("  mean leave-one-lab-out MAE = " + fixed(f.holdoutMaeMean(), 2) + " pp");

    List<FrontierDiagnosis.Release> outside = f.releases().stream()
        .filter(r -> r.outsidePi95().orElse(false)).toList();
    out.println("  outside the 95% prediction interval: " + (outside.isEmpty() ? "none"
        : String.join(", ", outside.stream()
            .map(r -> r.model() + " (h " + signed(r.h(), 1) + ")").toList())));
    if (!f.reallocations().isEmpty()) {
      out.println("  lab reallocations (consecutive releases, |Δh| above the threshold):");
      for (FrontierDiagnosis.Reallocation r : f.reallocations()) {
        out.printf(Locale.ROOT, "    %s: %s → %s (Δh %s)%n", r.lab(), r.fromModel(), r.toModel(),
            signed(r.deltaH(), 1));
      }
    }

    FrontierDiagnosis.Saturation s = f.saturation();
    out.printf(Locale.ROOT, "  saturation, top %d: spread %s%n", s.topK(), String.join(", ",
        s.spreads().stream().map(sp -> sp.axis() + " " + fixed(sp.spread(), 1)).toList()));
    List<String> pairAxes = s.pairs().stream()
        .map(FrontierDiagnosis.Pair::activeAxis).distinct().toList();
    for (String active : pairAxes) {
      List<String> sigmas = s.pairs().stream().filter(pr -> pr.activeAxis().equals(active))
          .map(pr -> pr.candidateAxis() + " " + fixed(pr.sigma(), 2)
              + (pr.rotate().orElse(false) ? " (rotate)" : ""))
          .toList();
      List<String> rs = s.activations().stream().filter(a -> a.activeAxis().equals(active))
          .map(a -> a.candidateAxis() + " " + signed(a.r(), 2) + " on " + a.n()
              + (a.activating().orElse(false) ? " (activating)" : ""))
          .toList();
      out.printf(Locale.ROOT, "    σ(%s / …): %s%n", active, String.join(", ", sigmas));
      if (!rs.isEmpty()) {
        out.printf(Locale.ROOT, "    r(%s, …): %s%n", active, String.join(", ", rs));
      }
    }
    FrontierDiagnosis.Rolling roll = f.rolling();
    out.printf(Locale.ROOT, "  rolling r (window %d, %d dated, %d undated): latest %s   baseline %s"
            + "   Fisher-z p = %s   level %s%s%n",
        roll.window(), roll.datedReleases(), roll.undatedReleases(), window(roll.latest()),
        window(roll.baseline()), pValue(roll.fisherP()), roll.level().orElse(UNDEFINED),
        roll.narrowB1Range() ? " (B1 range too narrow to alert)" : "");
    undefinedNotes(f.undefined(), "  ");
    if (models) {
      out.println();
      TextTable t = new TextTable("model", "lab", "released", ">B1", ">B2", ">h", "label",
          ">PI95 lo", ">PI95 hi");
      for (FrontierDiagnosis.Release r : f.releases()) {
        t.row(r.model(), r.lab(), r.releaseDate().map(Object::toString).orElse(UNDEFINED),
            fixed(r.b1(), 1), fixed(r.b2(), 1), signed(r.h(), 1), r.label().orElse(UNDEFINED),
            r.pi95().map(b -> fixed(b.lo(), 1)).orElse(UNDEFINED),
            r.pi95().map(b -> fixed(b.hi(), 1)).orElse(UNDEFINED));
      }
      t.print(out, "  ");
    }
  }

  private void undefinedNotes(Map<String, String> undefined, String indent) {
    undefined.forEach((field, reason) -> out.println(indent + field + " " + UNDEFINED + " " + reason));
  }

  private static String window(Optional<FrontierDiagnosis.Window> w) {
    return w.map(x -> signed(x.r(), 3) + " (" + x.firstDate() + " … " + x.lastDate() + ")")
        .orElse(UNDEFINED);
  }

  private static String shortName(String model) {
    int slash = model.lastIndexOf('/');
    return slash < 0 ? model : model.substring(slash + 1);
  }

  static String signed(OptionalDouble v, int decimals) {
    return v.isPresent() ? signed(v.getAsDouble(), decimals) : UNDEFINED;
  }

  static String signed(double v, int decimals) {
    return String.format(Locale.ROOT, "%+." + decimals + "f", v);
  }

  static String fixed(OptionalDouble v, int decimals) {
    return v.isPresent() ? fixed(v.getAsDouble(), decimals) : UNDEFINED;
  }

  static String fixed(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  static String number(double v) {
    return String.format(Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+$", "");
  }

  static String pValue(OptionalDouble p) {
    if (p.isEmpty()) {
      return UNDEFINED;
    }
    double v = p.getAsDouble();
    return v >= 0.001 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.2e", v);
  }

  private static String bounds(Bounds b) {
    return "[" + billions(b.lo()) + ", " + billions(b.hi()) + "]";
  }
}
