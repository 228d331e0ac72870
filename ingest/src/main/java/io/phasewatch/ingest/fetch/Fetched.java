package io.phasewatch.ingest.fetch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The result of reading a feed's location. */
public sealed interface Fetched {

  Instant fetchedAt();

  /** The source's bytes. */
  record Content(byte[] bytes, Instant fetchedAt, Validators validators) implements Fetched {
    /** The bytes as UTF-8 text, without a leading byte-order mark. */
    public String text() {
      String t = new String(bytes, StandardCharsets.UTF_8);
      return t.startsWith("\uFEFF") ? t.substring(1) : t;
    }
  }

  /** The server answered 304: nothing changed since the validators were issued. */
  record NotModified(Instant fetchedAt) implements Fetched {}
}
