package io.phasewatch.core.validation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a record was rejected. The set is small and fixed: its {@link #code()} is a Prometheus tag
 * value and a Kafka header, so adding one is a change to dashboards and alert rules.
 */
public enum RejectionReason {
  /** A required field is absent or blank. */
  MISSING_FIELD,
  /** A number is NaN or infinite. */
  NOT_FINITE,
  /** A number lies outside what its field allows (a score outside its scale, a negative n-shot). */
  OUT_OF_RANGE,
  /** A model size parameter ({@code params_b}, {@code d_model}) is zero or negative. */
  NON_POSITIVE_PARAMS,
  /** The benchmark is not a canonical id of the catalogue. */
  UNKNOWN_BENCHMARK,
  /** A date or time lies in the future of the validator's clock. */
  FUTURE_DATE,
  /** A string is longer than its field allows. */
  OVERSIZED_STRING,
  /** An id holds a control character or the key separator {@code |}. */
  ILLEGAL_CHARACTER,
  /** {@code schema_version} is missing or not one phasewatch has ever written. */
  UNSUPPORTED_SCHEMA,
  /** The bytes are not a record of the expected type (set by deserialisers, not the validator). */
  MALFORMED;

  /** Stable snake_case code: the {@code reason} tag and header. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reason with this code, if any. */
  public static Optional<RejectionReason> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
  }
}
