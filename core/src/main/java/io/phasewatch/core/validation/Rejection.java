package io.phasewatch.core.validation;

import java.util.Objects;

/**
 * One reason a record cannot enter the topology.
 *
 * @param reason the bounded reason
 * @param field the offending field by its JSON name ({@code model_id}, {@code cohorts[2]}), or
 *     empty for the record as a whole
 * @param message a sentence for a person reading the rejected topic or a log
 */
public record Rejection(RejectionReason reason, String field, String message) {
  public Rejection {
    Objects.requireNonNull(reason, "reason");
    field = field == null ? "" : field;
    message = message == null ? "" : message;
  }

  /** {@link RejectionReason#code()} of the reason. */
  public String code() {
    return reason.code();
  }
}
