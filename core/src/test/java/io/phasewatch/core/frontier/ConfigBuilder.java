package io.phasewatch.core.frontier;

import java.util.List;

/** Test-only: {@link FrontierConfig#defaults()} with a few settings changed. */
final class ConfigBuilder {
  private final FrontierConfig d = FrontierConfig.defaults();
  private double codingBelow = d.codingSpecialistBelowH();
  private double reasoningAbove = d.reasoningSpecialistAboveH();
  private double realloc = d.reallocationDeltaH();
  private double level = d.predictionLevel();
  private int topK = d.saturationTopK();
  private List<String> axes = d.saturationAxes();
  private int activationMinModels = d.activationMinModels();
  private int window = d.rollingWindow();
  private int expandingMinN = d.expandingMinN();
  private double minRange = d.minWindowB1RangePp();

  static ConfigBuilder defaults() {
    return new ConfigBuilder();
  }

  ConfigBuilder labels(double coding, double reasoning) {
    codingBelow = coding;
    reasoningAbove = reasoning;
    return this;
  }

  ConfigBuilder reallocation(double deltaH) {
    realloc = deltaH;
    return this;
  }

  ConfigBuilder predictionLevel(double l) {
    level = l;
    return this;
  }

  ConfigBuilder topK(int k) {
    topK = k;
    return this;
  }

  ConfigBuilder axes(List<String> a) {
    axes = a;
    return this;
  }

  ConfigBuilder activationMinModels(int n) {
    activationMinModels = n;
    return this;
  }

  ConfigBuilder window(int w, int minN) {
    window = w;
    expandingMinN = minN;
    return this;
  }

  ConfigBuilder minRange(double pp) {
    minRange = pp;
    return this;
  }

  FrontierConfig build() {
    return new FrontierConfig(d.b1Axis(), d.b2Axis(), codingBelow, reasoningAbove, realloc,
        d.holdoutMinLabReleases(), level, topK, d.rotateBelowSigma(), axes, d.activationMinR(),
        activationMinModels, window, expandingMinN, d.decayedBelowR(), d.brokenBelowR(),
        d.fisherAlpha(), minRange, d.isoclineRatio());
  }
}
