/**
 * The facade of the whole analysis: {@link io.phasewatch.core.diagnosis.Diagnoses} turns a family,
 * a pooled panel or a frontier cohort into one diagnosis record, calling the statistics of
 * {@code core.base} (METHOD.md §1) and {@code core.frontier} (§3). {@code phasewatch diagnose}
 * and the streams app call the same functions, so an offline diagnosis and a streamed one agree.
 *
 * <p>Results depend only on the input set, not its order (inputs are sorted inside), and are
 * JSON-ready through {@code Json.mapper()}: an undefined statistic is null, and each record's
 * {@code undefined} map says why, keyed by the JSON field name.
 */
package io.phasewatch.core.diagnosis;
