package io.phasewatch.ingest.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.phasewatch.core.domain.Json;
import io.phasewatch.core.domain.ScoreRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Canonical bytes of records as published (JSON with map entries sorted, so the same record
 * always gives the same bytes) and the content hash a checkpoint keeps of them. A score's hash
 * leaves out {@code fetched_at}: reading the same value again is not a change.
 */
public final class ContentHash {
  private static final ObjectMapper CANONICAL = Json.mapper().copy()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private ContentHash() {}

  /** The bytes a record is published as. */
  public static byte[] bytes(Object record) {
    try {
      return CANONICAL.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("record not serialisable: " + record, e);
    }
  }

  public static String of(ScoreRecord s) {
    ScoreRecord withoutFetch = new ScoreRecord(s.schemaVersion(), s.source(), s.modelId(), s.benchmark(),
        s.value(), s.scale(), s.metric(), s.nShot(), s.evaluatedAt(), Optional.empty(), s.sourceUrl(),
        s.revision(), s.cohorts());
    return sha256(bytes(withoutFetch));
  }

  public static String of(Object record) {
    return record instanceof ScoreRecord s ? of(s) : sha256(bytes(record));
  }

  public static String ofText(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
