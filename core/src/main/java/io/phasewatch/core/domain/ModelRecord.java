package io.phasewatch.core.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What one feed knows about one model (DESIGN.md "Records"). Key on {@code phasewatch.models.v1}:
 * {@link #key()}, {@code source|model_id}, so that every feed that describes a model keeps its
 * own description (a dated snapshot and a matrix may give one release different dates); a record
 * without a source is keyed by {@code model_id} alone. Downstream, {@link ModelProfile#resolve}
 * chooses among a model's records.
 *
 * @param source the feed id that published it; empty for producers that do not say
 * @param name the model's name as its feed spells it ({@code EleutherAI/pythia-70m} for the id
 *     {@code eleutherai/pythia-70m}): what diagnoses, alerts and the API show; empty when the
 *     producer gave none, and then {@link #displayName()} is the id
 * @param paramsB parameter count in billions (total, for mixtures of experts)
 * @param dModel hidden width, for width normalisation (§1.5), when public
 * @param cohorts frontier cohorts this release belongs to (e.g. {@code frontier}); a set, kept
 *     sorted and without duplicates
 * @param provenance for each resolved field name ({@code family}, {@code params_b}, …), where it
 *     came from: a feed column, a name rule, a table; kept sorted by field name
 */
public record ModelRecord(
    int schemaVersion,
    Optional<String> source,
    String modelId,
    Optional<String> name,
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
    source = source == null ? Optional.empty() : source;
    name = name == null ? Optional.empty() : name;
    paramsB = paramsB == null ? OptionalDouble.empty() : paramsB;
    dModel = dModel == null ? OptionalInt.empty() : dModel;
    kind = kind == null ? ModelKind.UNKNOWN : kind;
    lab = lab == null ? Optional.empty() : lab;
    releaseDate = releaseDate == null ? Optional.empty() : releaseDate;
    cohorts = Copies.sortedSet(cohorts);
    provenance = Copies.sortedMap(provenance);
  }

  /** The record without a source and a display name (producers that only know the id). */
  public ModelRecord(int schemaVersion, String modelId, String family, OptionalDouble paramsB,
      OptionalInt dModel, ModelKind kind, Optional<String> lab, Optional<LocalDate> releaseDate,
      List<String> cohorts, Map<String, String> provenance) {
    this(schemaVersion, Optional.empty(), modelId, Optional.empty(), family, paramsB, dModel, kind,
        lab, releaseDate, cohorts, provenance);
  }

  /** {@code source|model_id}, or {@code model_id} for a record without a source. */
  public static String key(Optional<String> source, String modelId) {
    return source.map(s -> s + "|" + modelId).orElse(modelId);
  }

  /** The record's key on {@code phasewatch.models.v1}. */
  public String key() {
    return key(source, modelId);
  }

  /**
   * The model id of a model key ({@link #key(Optional, String)}); empty when {@code key} is not
   * one, as in a tombstone for a key no record ever had.
   */
  public static Optional<String> modelIdOfKey(String key) {
    if (key == null) {
      return Optional.empty();
    }
    int sep = key.indexOf('|');
    String id = sep < 0 ? key : key.substring(sep + 1);
    return id.isEmpty() || id.indexOf('|') >= 0 ? Optional.empty() : Optional.of(id);
  }

  /** The name shown for the model: {@link #name} when given, else the id. */
  public String displayName() {
    return name.orElse(modelId);
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
