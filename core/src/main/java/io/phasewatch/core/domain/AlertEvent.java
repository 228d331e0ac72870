package io.phasewatch.core.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One end (fired or resolved) of a phase change, as delivered to people (DESIGN.md "Records").
 * Key on {@code phasewatch.alerts.v1}: {@code subject}.
 *
 * <p>The {@code id} is a digest of what the alert says, not of when it was sent: the same
 * transition on the same evidence always gets the same id, so a replay or a redelivery can be
 * de-duplicated downstream. Build events with {@link #create} or {@link #of}, which compute it.
 *
 * @param id {@link #idFor} of kind, subject type, subject, state and evidence
 * @param summary one sentence for a person
 * @param firedAt wall-clock time the detector emitted the event
 * @param streamTime stream (event) time of the record that triggered it
 */
public record AlertEvent(
    int schemaVersion,
    String id,
    AlertKind kind,
    Severity severity,
    AlertState state,
    SubjectType subjectType,
    String subject,
    String summary,
    Evidence evidence,
    SuggestedAction action,
    Instant firedAt,
    Instant streamTime) {

  public static final int SCHEMA_VERSION = 1;

  /** Hex characters kept from the SHA-256 digest: 128 bits. */
  public static final int ID_HEX_LENGTH = 32;

  /**
   * Significant digits of evidence values that enter the id: the last bits of a recomputed
   * statistic must not make "the same evidence" look new.
   */
  public static final int ID_SIGNIFICANT_DIGITS = 10;

  public AlertEvent {
    summary = summary == null ? "" : summary;
    evidence = evidence == null ? Evidence.empty() : evidence;
    action = action == null ? SuggestedAction.none() : action;
  }

  /** An event with every field given; the id is computed. */
  public static AlertEvent create(
      AlertKind kind,
      Severity severity,
      AlertState state,
      SubjectType subjectType,
      String subject,
      String summary,
      Evidence evidence,
      SuggestedAction action,
      Instant firedAt,
      Instant streamTime) {
    Evidence e = evidence == null ? Evidence.empty() : evidence;
    return new AlertEvent(SCHEMA_VERSION, idFor(kind, subjectType, subject, state, e), kind,
        severity, state, subjectType, subject, summary, e, action, firedAt, streamTime);
  }

  /**
   * An event with the kind's default severity and subject type; the kind's default action when
   * fired, {@link SuggestedAction#none()} when resolved.
   */
  public static AlertEvent of(
      AlertKind kind,
      AlertState state,
      String subject,
      String summary,
      Evidence evidence,
      Instant firedAt,
      Instant streamTime) {
    SuggestedAction action = state == AlertState.FIRED
        ? SuggestedAction.of(kind.defaultAction(), "")
        : SuggestedAction.none();
    return create(kind, kind.defaultSeverity(), state, kind.subjectType(), subject, summary,
        evidence, action, firedAt, streamTime);
  }

  /**
   * The deterministic id: SHA-256 over {@code kind|subject_type|subject|state|evidence} with the
   * evidence in a canonical form (sorted keys, values rounded to {@value #ID_SIGNIFICANT_DIGITS}
   * significant digits), as {@value #ID_HEX_LENGTH} lower-case hex characters.
   */
  public static String idFor(
      AlertKind kind, SubjectType subjectType, String subject, AlertState state,
      Evidence evidence) {
    List<Object> canonical = new ArrayList<>();
    canonical.add(kind == null ? null : kind.name());
    canonical.add(subjectType == null ? null : subjectType.id());
    canonical.add(subject);
    canonical.add(state == null ? null : state.id());
    canonical.add(rounded(evidence == null ? Evidence.empty() : evidence));
    String text;
    try {
      // JSON quoting makes the form unambiguous whatever characters the strings hold
      text = Json.mapper().writeValueAsString(canonical);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(sha256(text)).substring(0, ID_HEX_LENGTH);
  }

  /** Fired and resolved events of one condition share this key: kind, subject type, subject. */
  public String incidentKey() {
    return kind.name() + "|" + subjectType.id() + "|" + subject;
  }

  private static Evidence rounded(Evidence e) {
    Map<String, Double> values = new TreeMap<>();
    e.values().forEach((k, v) -> values.put(k, round(v)));
    return new Evidence(values, e.n(),
        e.ci().map(ci -> new Evidence.Interval(
            ci.quantity(), round(ci.level()), round(ci.lo()), round(ci.hi()))),
        e.window(), e.contributingModels());
  }

  private static double round(double v) {
    if (v == 0.0) {
      return 0.0; // and -0.0
    }
    if (!Double.isFinite(v)) {
      return v;
    }
    return new BigDecimal(v).round(new MathContext(ID_SIGNIFICANT_DIGITS)).doubleValue();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
