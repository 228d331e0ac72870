package io.phasewatch.core.base;

import io.phasewatch.core.stats.Outcome;
import io.phasewatch.core.stats.QuadraticFit;
import java.util.ArrayList;
import java.util.List;

/**
 * Cross-prediction (METHOD.md §1.8): fit the §1.4 quadratic B2 = a·x² + b·x + c on one panel and
 * predict B2 at another family's sizes; report each signed error {@code 100·(pred − actual) /
 * actual} and their mean absolute value. Fitting on Pythia + Llama-1 and predicting Llama-2
 * 7/13/70B on the §1.4 table gives −8.53%, −2.28%, −6.13%, mean 5.65%.
 *
 * @param predictions the target's models in increasing size
 */
public record CrossPrediction(QuadraticFit fit, List<Prediction> predictions, double meanAbsErrorPct) {

  /** One predicted model. */
  public record Prediction(String model, double predicted, double actual, double signedErrorPct) {}

  /** Fits on {@code training}, predicts {@code target}. */
  public static Outcome<CrossPrediction> of(List<ModelPoint> training, List<ModelPoint> target) {
    if (target.isEmpty()) {
      return Outcome.undefined("no models to predict");
    }
    List<ModelPoint> train = ModelPoint.sortedBySize(training);
    double[] x = train.stream().mapToDouble(ModelPoint::x).toArray();
    double[] y = train.stream().mapToDouble(ModelPoint::b2).toArray();
    return QuadraticFit.fit(x, y).flatMap(fit -> {
      List<Prediction> predictions = new ArrayList<>();
      double sumAbs = 0;
      for (ModelPoint m : ModelPoint.sortedBySize(target)) {
        if (m.b2() == 0 || !Double.isFinite(m.b2())) {
          return Outcome.undefined("B2 of " + m.model() + " is zero or not finite: relative error undefined");
        }
        double predicted = fit.predict(m.x());
        double signed = 100 * (predicted - m.b2()) / m.b2();
        predictions.add(new Prediction(m.model(), predicted, m.b2(), signed));
        sumAbs += Math.abs(signed);
      }
      return Outcome.of(new CrossPrediction(fit, List.copyOf(predictions), sumAbs / predictions.size()));
    });
  }
}
