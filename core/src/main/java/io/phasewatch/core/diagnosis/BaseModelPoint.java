package io.phasewatch.core.diagnosis;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One base model as the base-model analysis sees it (METHOD.md §1): its family, size and the two
 * axes of the configured pair, in percent.
 *
 * @param paramsB parameter count in billions (x = log10(paramsB·1e9), METHOD.md preamble)
 * @param b1 "reasoning" axis, HellaSwag by default (percent)
 * @param b2 "truthfulness" axis, TruthfulQA mc2 by default (percent)
 * @param dModel hidden width for width normalisation (§1.5), when public
 * @param extraAxes further axes by catalogue id ({@code arc}, {@code winogrande}, {@code mmlu},
 *     {@code gsm8k}; percent), for eigenstructure and the ODE; iterated in key order
 */
public record BaseModelPoint(
    String model,
    String family,
    double paramsB,
    double b1,
    double b2,
    OptionalInt dModel,
    Map<String, Double> extraAxes) {

  public BaseModelPoint {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(family, "family");
    dModel = dModel == null ? OptionalInt.empty() : dModel;
    extraAxes = Axes.sortedCopy(extraAxes);
  }

  /** The point with no width and no extra axes. */
  public static BaseModelPoint of(String model, String family, double paramsB, double b1, double b2) {
    return new BaseModelPoint(model, family, paramsB, b1, b2, OptionalInt.empty(), Map.of());
  }

  /** x = log10(N) with N in parameters, METHOD.md preamble. */
  public double log10Params() {
    return Math.log10(paramsB * 1e9);
  }
}
