package io.phasewatch.core.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What phasewatch knows about one model (DESIGN.md "Records"). Key on
 * {@code phasewatch.models.v1}: {@code model_id}.
 *
 * @param paramsB parameter count in billions (total, for mixtures of experts)
 * @param dModel hidden width, for width normalisation (§1.5), when public
 * @param cohorts frontier cohorts this release belongs to (e.g. {@code frontier}); a set, kept
 *     sorted and without duplicates
 * @param provenance for each resolved field name ({@code family}, {@code params_b}, …), where it
 *     came from: a feed column, a name rule, a table; kept sorted by field name
 */
public record ModelRecord(
    int schemaVersion,
    String modelId,
    String family,
    OptionalDouble paramsB,
    OptionalInt dModel,
    ModelKind kind,
    Optional<String> lab,
    Optional<LocalDate> releaseDate,
    List<String> cohorts,
    Map<String, String> provenance) {

  public static final int SCHEMA_VERSION = 1;

  public ModelRecord {
    paramsB = paramsB == null ? OptionalDouble.empty() : paramsB;
    dModel = dModel == null ? OptionalInt.empty() : dModel;
    kind = kind == null ? ModelKind.UNKNOWN : kind;
    lab = lab == null ? Optional.empty() : lab;
    releaseDate = releaseDate == null ? Optional.empty() : releaseDate;
    cohorts = Copies.sortedSet(cohorts);
    provenance = Copies.sortedMap(provenance);
  }

  /** The minimal record: a model id and its family, everything optional left empty. */
  public static ModelRecord of(String modelId, String family) {
    return new ModelRecord(SCHEMA_VERSION, modelId, family, OptionalDouble.empty(),
        OptionalInt.empty(), ModelKind.UNKNOWN, Optional.empty(), Optional.empty(), List.of(),
        Map.of());
  }

  /** x = log10(N) with N in parameters (not billions), METHOD.md preamble. */
  public OptionalDouble log10Params() {
    return paramsB.isPresent()
        ? OptionalDouble.of(Math.log10(paramsB.getAsDouble() * 1e9))
        : OptionalDouble.empty();
  }
}
