package io.phasewatch.core.base;

import java.util.List;
import java.util.OptionalInt;

/**
 * Reference inputs of METHOD.md §1.3–§1.8 (shared/METHOD.md, which restates the figures of
 * arXiv:2605.18838 and the author's MIT-licensed CAPE scripts, adilamin89/cape-scaling).
 */
public final class ReferencePanels {
  private ReferencePanels() {}

  /** Pythia sizes of §1.3/§1.5/§1.8, in billions. */
  static final double[] PYTHIA_B = {0.07, 0.16, 0.41, 1.0, 1.4, 2.8, 6.9, 12.0};
  static final String[] PYTHIA_NAMES = {
      "pythia-70m", "pythia-160m", "pythia-410m", "pythia-1b", "pythia-1.4b", "pythia-2.8b",
      "pythia-6.9b", "pythia-12b"};
  static final double[] PYTHIA_HS = {27.3, 31.4, 40.9, 49.7, 52.9, 60.7, 64.0, 67.3};
  static final double[] PYTHIA_TQA = {47.1, 44.3, 41.2, 38.9, 38.9, 35.6, 33.0, 32.0};
  static final double[] PYTHIA_ARC = {21.6, 24.1, 26.2, 29.1, 31.5, 36.3, 37.0, 38.0};
  static final double[] PYTHIA_WG = {51.5, 51.4, 53.1, 53.6, 58.0, 60.2, 62.0, 64.0};
  static final double[] PYTHIA_MMLU = {25.9, 24.9, 27.3, 24.3, 25.8, 26.8, 26.0, 27.0};
  static final int[] PYTHIA_D_MODEL = {512, 768, 1024, 2048, 2048, 2560, 4096, 5120};

  /** The Pythia family of §1.3 with widths (§1.5). */
  static List<ModelPoint> pythia() {
    ModelPoint[] out = new ModelPoint[PYTHIA_B.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = new ModelPoint(PYTHIA_NAMES[i], PYTHIA_B[i], PYTHIA_HS[i], PYTHIA_TQA[i],
          OptionalInt.of(PYTHIA_D_MODEL[i]));
    }
    return List.of(out);
  }

  /** Pythia's five axes (HS, TQA, ARC, WG, MMLU) by model, §1.8. */
  static double[][] pythiaAxes() {
    double[][] s = new double[PYTHIA_B.length][];
    for (int i = 0; i < s.length; i++) {
      s[i] = new double[] {PYTHIA_HS[i], PYTHIA_TQA[i], PYTHIA_ARC[i], PYTHIA_WG[i], PYTHIA_MMLU[i]};
    }
    return s;
  }

  static double[] pythiaX() {
    double[] x = new double[PYTHIA_B.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = LogScale.x(PYTHIA_B[i]);
    }
    return x;
  }

  /** §1.4's 14-model panel, in the order of CAPE's bootstrap_Nc.py (Pythia, Llama-1, Llama-2). */
  public static final List<ModelPoint> HEADLINE = List.of(
      new ModelPoint("Pythia-70m", 0.07, 27.29, 47.64),
      new ModelPoint("Pythia-160m", 0.16, 29.59, 43.52),
      new ModelPoint("Pythia-410m", 0.41, 40.56, 40.34),
      new ModelPoint("Pythia-1b", 1.0, 47.16, 38.67),
      new ModelPoint("Pythia-1.4b", 1.4, 52.01, 38.66),
      new ModelPoint("Pythia-2.8b", 2.8, 59.37, 35.56),
      new ModelPoint("Pythia-6.9b", 6.9, 64.02, 32.76),
      new ModelPoint("Pythia-12b", 12.0, 67.30, 32.47),
      new ModelPoint("Llama-1 7B", 7.0, 77.81, 34.33),
      new ModelPoint("Llama-1 13B", 13.0, 80.92, 39.48),
      new ModelPoint("Llama-1 65B", 65.0, 86.09, 43.43),
      new ModelPoint("Llama-2 7B", 7.0, 77.74, 38.98),
      new ModelPoint("Llama-2 13B", 13.0, 82.10, 37.40),
      new ModelPoint("Llama-2 70B", 70.0, 87.30, 44.90));

  static List<ModelPoint> headlineFamily(String prefix) {
    return HEADLINE.stream().filter(m -> m.model().startsWith(prefix)).toList();
  }
}
