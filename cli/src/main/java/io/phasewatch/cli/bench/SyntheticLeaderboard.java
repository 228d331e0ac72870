package io.phasewatch.cli.bench;

import static io.phasewatch.core.catalogue.BenchmarkIds.ARC;
import static io.phasewatch.core.catalogue.BenchmarkIds.GPQA_DIAMOND;
import static io.phasewatch.core.catalogue.BenchmarkIds.GSM8K;
import static io.phasewatch.core.catalogue.BenchmarkIds.HELLASWAG;
import static io.phasewatch.core.catalogue.BenchmarkIds.HLE;
import static io.phasewatch.core.catalogue.BenchmarkIds.IFEVAL;
import static io.phasewatch.core.catalogue.BenchmarkIds.MMLU;
import static io.phasewatch.core.catalogue.BenchmarkIds.SWE_BENCH_VERIFIED;
import static io.phasewatch.core.catalogue.BenchmarkIds.TRUTHFULQA;
import static io.phasewatch.core.catalogue.BenchmarkIds.WINOGRANDE;

import io.phasewatch.core.catalogue.Benchmark;
import io.phasewatch.core.catalogue.BenchmarkCatalogue;
import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.domain.ModelKind;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.Scale;
import io.phasewatch.core.domain.ScoreRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded synthetic leaderboard with the shapes of METHOD.md: in each base-model family,
 * HellaSwag (B1) rises with scale along a logistic curve while TruthfulQA (B2) first falls and
 * then rises (a valley at the family's own N_c, so small models are in the tax phase and models
 * past N_c in the bonus phase); ARC, WinoGrande, MMLU and GSM8K rise with their own logistic
 * curves. Each frontier cohort is a dated sequence of releases whose SWE-bench Verified rises
 * over time with GPQA Diamond coupled to it, plus HLE and IFEval. Noise is small and seeded.
 *
 * <p>Every record is computed from its index, so a backfill of millions of scores streams
 * without being held in memory. Models come first ({@link #model}: base models family by
 * family, then releases), scores after ({@link #score}: the six base benchmarks of one base model
 * together, base models in a seeded shuffled order that interleaves families, then the four
 * frontier benchmarks of each release in release order).
 */
public final class SyntheticLeaderboard {
  /** The feed id every score is published under. */
  public static final String SOURCE = "bench";
  public static final List<String> BASE_BENCHMARKS =
      List.of(HELLASWAG, TRUTHFULQA, ARC, WINOGRANDE, MMLU, GSM8K);
  public static final List<String> FRONTIER_BENCHMARKS =
      List.of(SWE_BENCH_VERIFIED, GPQA_DIAMOND, HLE, IFEVAL);
  private static final List<String> LABS =
      List.of("lab-a", "lab-b", "lab-c", "lab-d", "lab-e", "lab-f");
  private static final double SMALLEST_PARAMS = 0.07e9;
  private static final double LARGEST_PARAMS = 70e9;
  private static final Instant EVALUATED = Instant.parse("2025-06-01T00:00:00Z");
  private static final LocalDate FIRST_RELEASE = LocalDate.of(2023, 1, 1);
  private static final int RELEASE_SPAN_DAYS = 1000;

  private final Workload workload;
  private final BenchmarkCatalogue catalogue = BenchmarkCatalogue.standard();
  private final Family[] families;
  private final int[] publicationOrder;

  /** The shape of one family: B1 logistic midpoint and width, B2 valley position and depth. */
  private record Family(double[] log10Params, double b1Mid, double b1Width, double log10Nc,
      double b2Floor, double b2Curvature, String lab) {}

  public SyntheticLeaderboard(Workload workload) {
    this.workload = workload;
    this.families = new Family[workload.families()];
    for (int f = 0; f < families.length; f++) {
      families[f] = family(f);
    }
    this.publicationOrder = shuffledBaseModels();
  }

  public Workload workload() {
    return workload;
  }

  public static String familyName(int family) {
    return String.format(Locale.ROOT, "family-%05d", family);
  }

  /** Id of size {@code size} (0 = smallest) of family {@code family}. */
  public static String baseModelId(int family, int size) {
    return String.format(Locale.ROOT, "bench-f%05d-s%02d", family, size);
  }

  public static String cohortName(int cohort) {
    return String.format(Locale.ROOT, "frontier-%02d", cohort);
  }

  public static String releaseId(int cohort, int release) {
    return String.format(Locale.ROOT, "bench-c%02d-r%05d", cohort, release);
  }

  /** Model record {@code i} of {@link Workload#models()}: base models, then releases. */
  public ModelRecord model(int i) {
    if (i < workload.baseModels()) {
      int f = i / workload.sizes();
      int s = i % workload.sizes();
      double paramsB = paramsB(f, s);
      return new ModelRecord(ModelRecord.SCHEMA_VERSION, baseModelId(f, s), familyName(f),
          OptionalDouble.of(paramsB), OptionalInt.of(dModel(paramsB)), ModelKind.BASE,
          Optional.of(families[f].lab()), Optional.empty(), List.of(),
          Map.of("family", "bench", "params_b", "bench"));
    }
    int r = i - workload.baseModels();
    int c = r / workload.cohortSize();
    int k = r % workload.cohortSize();
    return new ModelRecord(ModelRecord.SCHEMA_VERSION, releaseId(c, k), releaseLab(c, k),
        OptionalDouble.empty(), OptionalInt.empty(), ModelKind.CHAT,
        Optional.of(releaseLab(c, k)), Optional.of(releaseDate(k)), List.of(cohortName(c)),
        Map.of());
  }

  /** Score record {@code i} of {@link Workload#scores()}, in publication order. */
  public ScoreRecord score(long i) {
    long baseScores = (long) workload.baseModels() * BASE_BENCHMARKS.size();
    if (i < baseScores) {
      int model = publicationOrder[(int) (i / BASE_BENCHMARKS.size())];
      String benchmark = BASE_BENCHMARKS.get((int) (i % BASE_BENCHMARKS.size()));
      int f = model / workload.sizes();
      int s = model % workload.sizes();
      return score(baseModelId(f, s), benchmark, baseValue(f, s, benchmark), i);
    }
    long j = i - baseScores;
    int release = (int) (j / FRONTIER_BENCHMARKS.size());
    String benchmark = FRONTIER_BENCHMARKS.get((int) (j % FRONTIER_BENCHMARKS.size()));
    int c = release / workload.cohortSize();
    int k = release % workload.cohortSize();
    return score(releaseId(c, k), benchmark, releaseValue(c, k, benchmark), i);
  }

  /** A score of {@code model} on {@code benchmark}, on the catalogue's scale and metric. */
  public ScoreRecord score(String model, String benchmark, double value, long sequence) {
    Benchmark b = catalogue.byId(benchmark).orElseThrow();
    return new ScoreRecord(ScoreRecord.SCHEMA_VERSION, SOURCE, model, benchmark, value, b.scale(),
        Optional.of(b.metric()), b.nShot(), Optional.of(EVALUATED.plusSeconds(sequence % 86_400)),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Parameters in billions of size {@code size} of family {@code family}, 4 significant digits. */
  public double paramsB(int family, int size) {
    return roundSignificant(Math.pow(10, families[family].log10Params()[size]) / 1e9, 4);
  }

  /**
   * The value of base model ({@code family}, {@code size}) on {@code benchmark}, in percent,
   * rounded to 2 decimals as leaderboards publish it.
   */
  public double baseValue(int family, int size, String benchmark) {
    Family fam = families[family];
    double x = fam.log10Params()[size];
    int b = BASE_BENCHMARKS.indexOf(benchmark);
    double noise = noise(1, family, size, b);
    double v = switch (benchmark) {
      case HELLASWAG -> 25 + 63 * logistic((x - fam.b1Mid()) / fam.b1Width()) + 0.3 * noise;
      case TRUTHFULQA -> fam.b2Floor() + fam.b2Curvature() * square(x - fam.log10Nc())
          + 0.25 * noise;
      case ARC -> 25 + 55 * logistic((x - fam.b1Mid() - 0.4) / 0.55) + 0.6 * noise;
      case WINOGRANDE -> 50 + 35 * logistic((x - fam.b1Mid() - 0.2) / 0.6) + 0.6 * noise;
      case MMLU -> 25 + 50 * logistic((x - fam.b1Mid() - 0.9) / 0.45) + 0.6 * noise;
      case GSM8K -> 75 * logistic((x - fam.b1Mid() - 1.2) / 0.35) + 0.8 * noise;
      default -> throw new IllegalArgumentException("not a base benchmark: " + benchmark);
    };
    return round2(clamp(v, 0, 100));
  }

  /** The family's base-model points as the topology builds them (B1 HellaSwag, B2 TruthfulQA). */
  public List<BaseModelPoint> familyPoints(int family) {
    List<BaseModelPoint> out = new ArrayList<>();
    for (int s = 0; s < workload.sizes(); s++) {
      Map<String, Double> extras = new TreeMap<>();
      for (String b : BASE_BENCHMARKS.subList(2, BASE_BENCHMARKS.size())) {
        extras.put(b, baseValue(family, s, b));
      }
      double p = paramsB(family, s);
      out.add(new BaseModelPoint(baseModelId(family, s), familyName(family), p,
          baseValue(family, s, HELLASWAG), baseValue(family, s, TRUTHFULQA),
          OptionalInt.of(dModel(p)), extras));
    }
    return out;
  }

  /** The value of release {@code release} of cohort {@code cohort} on a frontier benchmark. */
  public double releaseValue(int cohort, int release, String benchmark) {
    double t = workload.cohortSize() == 1 ? 1 : release / (double) (workload.cohortSize() - 1);
    int b = FRONTIER_BENCHMARKS.indexOf(benchmark);
    double swe = clamp(5 + 70 * t + 5 * noise(2, cohort, release, 0), 0, 100);
    double v = switch (benchmark) {
      case SWE_BENCH_VERIFIED -> swe;
      case GPQA_DIAMOND -> clamp(35 + 0.5 * swe + 4 * noise(2, cohort, release, b), 0, 100);
      case HLE -> clamp(1 + 20 * t * t + 1.5 * noise(2, cohort, release, b), 0, 100);
      // IFEval is published as a fraction (the catalogue's scale)
      case IFEVAL -> clamp(0.70 + 0.2 * t + 0.03 * noise(2, cohort, release, b), 0, 1);
      default -> throw new IllegalArgumentException("not a frontier benchmark: " + benchmark);
    };
    return benchmark.equals(IFEVAL) ? Math.round(v * 10_000) / 10_000.0 : round2(v);
  }

  private String releaseLab(int cohort, int release) {
    SplittableRandom r = new SplittableRandom(mix(workload.seed(), 3, cohort, release));
    return LABS.get(r.nextInt(LABS.size()));
  }

  private LocalDate releaseDate(int release) {
    double t = workload.cohortSize() == 1 ? 1 : release / (double) (workload.cohortSize() - 1);
    return FIRST_RELEASE.plusDays(Math.round(t * RELEASE_SPAN_DAYS));
  }

  private Family family(int f) {
    SplittableRandom r = new SplittableRandom(mix(workload.seed(), 0, f, 0));
    int n = workload.sizes();
    double lo = Math.log10(SMALLEST_PARAMS);
    double step = (Math.log10(LARGEST_PARAMS) - lo) / (n - 1);
    double[] x = new double[n];
    for (int s = 0; s < n; s++) {
      // jitter within a third of a step keeps the sizes distinct and in order
      x[s] = lo + s * step + (r.nextDouble() - 0.5) * step * 0.6;
    }
    double b1Mid = 9.3 + 0.6 * r.nextDouble();
    // N_c log-uniform between 1B and 1,000B: about 60% of families cross it within their sizes
    // (up to 70B), the others not yet
    double log10Nc = 9 + 3 * r.nextDouble();
    double b2Floor = 33 + 7 * r.nextDouble();
    double b2Curvature = 1.0 + 0.8 * r.nextDouble();
    return new Family(x, b1Mid, 0.6, log10Nc, b2Floor, b2Curvature,
        LABS.get(r.nextInt(LABS.size())));
  }

  private int[] shuffledBaseModels() {
    int[] order = new int[workload.baseModels()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom r = new SplittableRandom(mix(workload.seed(), 4, 0, 0));
    for (int i = order.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** A standard normal draw fixed by the seed and the coordinates. */
  private double noise(int stream, int a, int b, int c) {
    return new SplittableRandom(mix(workload.seed(), stream, a, (long) b << 8 | c)).nextGaussian();
  }

  private static long mix(long seed, long stream, long a, long b) {
    long h = seed * 0x9E3779B97F4A7C15L;
    h = (h ^ stream) * 0xBF58476D1CE4E5B9L;
    h = (h ^ a) * 0x94D049BB133111EBL;
    h = (h ^ b) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 31);
  }

  /** A plausible hidden width: about 2,140 · (params in B)^(1/3), a multiple of 128. */
  private static int dModel(double paramsB) {
    return (int) Math.max(128, 128 * Math.round(2142 * Math.cbrt(paramsB) / 128));
  }

  private static double logistic(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double square(double d) {
    return d * d;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double roundSignificant(double v, int digits) {
    double scale = Math.pow(10, digits - 1 - (int) Math.floor(Math.log10(v)));
    return Math.round(v * scale) / scale;
  }
}
