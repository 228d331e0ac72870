/**
 * Checks that a score or model record is fit to enter the topology, as a list of named
 * rejections. Never throws on data: bad input is routed to {@code phasewatch.rejected.v1} with
 * the rejection's {@link io.phasewatch.core.validation.RejectionReason#code() code} as the
 * {@code reason} header and counted under the same bounded Prometheus tag.
 */
package io.phasewatch.core.validation;
