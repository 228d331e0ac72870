package io.phasewatch.core.validation;

import io.phasewatch.core.catalogue.Benchmark;
import io.phasewatch.core.catalogue.BenchmarkCatalogue;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks score and model records before they enter the topology. Returns every rejection found,
 * in field order, and an empty list for a valid record; never throws on data.
 *
 * <p>"Now" comes from the injected {@link Clock}, with {@link #CLOCK_SKEW} of tolerance for the
 * clocks of collectors; a release date may be one day ahead of UTC (time zones).
 */
public final class Validator {

  /** Ids: source, model_id, benchmark, family, lab, cohort; also metric and revision. */
  public static final int MAX_ID_LENGTH = 256;
  /** URLs and provenance notes. */
  public static final int MAX_URL_LENGTH = 2048;
  /** 100 trillion parameters: above it, {@code params_b} is a raw count, not billions. */
  public static final double MAX_PARAMS_B = 100_000.0;
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final int PREVIEW_LENGTH = 64;

  private final BenchmarkCatalogue catalogue;
  private final Clock clock;

  public Validator(BenchmarkCatalogue catalogue, Clock clock) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The standard catalogue and the system clock in UTC. */
  public static Validator standard() {
    return new Validator(BenchmarkCatalogue.standard(), Clock.systemUTC());
  }

  /** Rejections of a score record; a null record (a tombstone) is {@code MALFORMED} here. */
  public List<Rejection> validate(ScoreRecord score) {
    List<Rejection> out = new ArrayList<>();
    if (score == null) {
      out.add(new Rejection(RejectionReason.MALFORMED, "",
          "no score record; a tombstone retracts a score and is not validated"));
      return out;
    }
    schema(out, score.schemaVersion());
    keyPart(out, "source", score.source());
    keyPart(out, "model_id", score.modelId());
    if (keyPart(out, "benchmark", score.benchmark()) && !catalogue.isCanonical(score.benchmark())) {
      out.add(new Rejection(RejectionReason.UNKNOWN_BENCHMARK, "benchmark",
          unknownBenchmark(score.benchmark())));
    }
    if (!Double.isFinite(score.value())) {
      out.add(new Rejection(RejectionReason.NOT_FINITE, "value",
          "value is " + score.value() + ", not a finite number"));
    }
    if (score.scale() == null) {
      out.add(new Rejection(RejectionReason.MISSING_FIELD, "scale",
          "scale is missing (percent or fraction)"));
    } else if (Double.isFinite(score.value())
        && (score.value() < 0.0 || score.value() > score.scale().max())) {
      String hint = score.scale().max() < score.value() && score.value() <= 100.0
          ? "; it looks like a percentage published as a fraction" : "";
      out.add(new Rejection(RejectionReason.OUT_OF_RANGE, "value",
          "value " + score.value() + " is outside [0, " + score.scale().max() + "] of scale "
              + score.scale().id() + hint));
    }
    if (score.nShot().isPresent() && score.nShot().getAsInt() < 0) {
      out.add(new Rejection(RejectionReason.OUT_OF_RANGE, "n_shot",
          "n_shot " + score.nShot().getAsInt() + " is negative"));
    }
    score.metric().ifPresent(m -> maxLength(out, "metric", m, MAX_ID_LENGTH));
    notFuture(out, "evaluated_at", score.evaluatedAt());
    notFuture(out, "fetched_at", score.fetchedAt());
    score.sourceUrl().ifPresent(u -> maxLength(out, "source_url", u, MAX_URL_LENGTH));
    score.revision().ifPresent(r -> maxLength(out, "revision", r, MAX_ID_LENGTH));
    for (int i = 0; i < score.cohorts().size(); i++) {
      label(out, "cohorts[" + i + "]", score.cohorts().get(i));
    }
    return out;
  }

  /** Rejections of a model record; a null record is {@code MALFORMED} here. */
  public List<Rejection> validate(ModelRecord model) {
    List<Rejection> out = new ArrayList<>();
    if (model == null) {
      out.add(new Rejection(RejectionReason.MALFORMED, "", "no model record"));
      return out;
    }
    schema(out, model.schemaVersion());
    model.source().ifPresent(source -> keyPart(out, "source", source));
    keyPart(out, "model_id", model.modelId());
    model.name().ifPresent(n -> label(out, "name", n));
    label(out, "family", model.family());
    if (model.paramsB().isPresent()) {
      double p = model.paramsB().getAsDouble();
      if (!Double.isFinite(p)) {
        out.add(new Rejection(RejectionReason.NOT_FINITE, "params_b",
            "params_b is " + p + ", not a finite number"));
      } else if (p <= 0.0) {
        out.add(new Rejection(RejectionReason.NON_POSITIVE_PARAMS, "params_b",
            "params_b " + p + " is not positive"));
      } else if (p > MAX_PARAMS_B) {
        out.add(new Rejection(RejectionReason.OUT_OF_RANGE, "params_b",
            "params_b " + p + " is above " + MAX_PARAMS_B
                + " billion; it looks like a raw parameter count, not billions"));
      }
    }
    if (model.dModel().isPresent() && model.dModel().getAsInt() <= 0) {
      out.add(new Rejection(RejectionReason.NON_POSITIVE_PARAMS, "d_model",
          "d_model " + model.dModel().getAsInt() + " is not positive"));
    }
    model.lab().ifPresent(lab -> label(out, "lab", lab));
    model.releaseDate().ifPresent(date -> {
      LocalDate latest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
      if (date.isAfter(latest)) {
        out.add(new Rejection(RejectionReason.FUTURE_DATE, "release_date",
            "release_date " + date + " is after " + latest));
      }
    });
    for (int i = 0; i < model.cohorts().size(); i++) {
      label(out, "cohorts[" + i + "]", model.cohorts().get(i));
    }
    for (Map.Entry<String, String> e : model.provenance().entrySet()) {
      if (maxLength(out, "provenance", e.getKey(), MAX_ID_LENGTH)) {
        maxLength(out, "provenance." + e.getKey(), e.getValue(), MAX_URL_LENGTH);
      }
    }
    return out;
  }

  private static void schema(List<Rejection> out, int version) {
    if (version < 1) {
      out.add(new Rejection(RejectionReason.UNSUPPORTED_SCHEMA, "schema_version",
          "schema_version " + version + " was never written; versions start at 1"
              + (version == 0 ? " (is the field missing?)" : "")));
    }
  }

  /** A part of a record key: required, bounded, no control characters, no {@code |}. */
  private static boolean keyPart(List<Rejection> out, String field, String value) {
    if (!label(out, field, value)) {
      return false;
    }
    if (value.indexOf('|') >= 0) {
      out.add(new Rejection(RejectionReason.ILLEGAL_CHARACTER, field,
          field + " '" + preview(value) + "' holds '|', the key separator"));
      return false;
    }
    return true;
  }

  /** A required id-like string: not blank, bounded, no control characters. */
  private static boolean label(List<Rejection> out, String field, String value) {
    if (value == null || value.isBlank()) {
      out.add(new Rejection(RejectionReason.MISSING_FIELD, field, field + " is missing or blank"));
      return false;
    }
    if (!maxLength(out, field, value, MAX_ID_LENGTH)) {
      return false;
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      out.add(new Rejection(RejectionReason.ILLEGAL_CHARACTER, field,
          field + " '" + preview(value) + "' holds a control character"));
      return false;
    }
    return true;
  }

  private static boolean maxLength(List<Rejection> out, String field, String value, int max) {
    if (value.length() > max) {
      out.add(new Rejection(RejectionReason.OVERSIZED_STRING, field,
          field + " has " + value.length() + " characters, more than " + max));
      return false;
    }
    return true;
  }

  private void notFuture(List<Rejection> out, String field, Optional<Instant> time) {
    Instant latest = clock.instant().plus(CLOCK_SKEW);
    time.filter(t -> t.isAfter(latest)).ifPresent(t ->
        out.add(new Rejection(RejectionReason.FUTURE_DATE, field,
            field + " " + t + " is after " + latest)));
  }

  private String unknownBenchmark(String id) {
    Optional<Benchmark> alias = catalogue.resolve(id);
    return alias.isPresent()
        ? "benchmark '" + preview(id) + "' is an alias, not a canonical id; use '"
            + alias.get().id() + "'"
        : "benchmark '" + preview(id) + "' is not in the catalogue";
  }

  /** A short, printable excerpt of a value for messages. */
  private static String preview(String value) {
    String printable = value.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return printable.length() <= PREVIEW_LENGTH
        ? printable : printable.substring(0, PREVIEW_LENGTH) + "…";
  }
}
