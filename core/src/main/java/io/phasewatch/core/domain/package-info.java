/**
 * The records phasewatch moves between its services (DESIGN.md "Records"): scores, models,
 * model profiles and alert events, and the one JSON configuration ({@link
 * io.phasewatch.core.domain.Json}) they are written with.
 *
 * <p>Every record carries {@code schema_version}. Versions are additive: a newer writer may add
 * fields, an older reader ignores them, so a reader accepts any version from 1 up. A change that
 * is not additive gets a new topic ({@code .v2}), not a new {@code schema_version}.
 *
 * <p>Collections in records are immutable copies with null entries dropped; maps are sorted by
 * key and set-like lists sorted, so equal records serialise to equal bytes (compacted topics and
 * emit-on-change compare bytes).
 */
package io.phasewatch.core.domain;
