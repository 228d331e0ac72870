package io.phasewatch.ingest.fetch;

import java.util.Optional;

/** HTTP cache validators of the last successful read, for a conditional GET. */
public record Validators(Optional<String> etag, Optional<String> lastModified) {
  public Validators {
    etag = etag == null ? Optional.empty() : etag;
    lastModified = lastModified == null ? Optional.empty() : lastModified;
  }

  public static Validators none() {
    return new Validators(Optional.empty(), Optional.empty());
  }

  public boolean isEmpty() {
    return etag.isEmpty() && lastModified.isEmpty();
  }
}
