/**
 * The phase-change detector (METHOD.md §2, §3; DESIGN.md "Alert kinds"): given what was last
 * announced for a subject and a new diagnosis, which alerts fire and which resolve.
 *
 * <p>Pure decision logic, no Kafka: each rule class ({@link io.phasewatch.core.detect.FamilyRules},
 * {@link io.phasewatch.core.detect.PanelRules}, {@link io.phasewatch.core.detect.FrontierRules})
 * reads an observation and says, per condition, whether the value lies beyond the firing edge,
 * inside the dead band, or beyond the clearing edge ({@link io.phasewatch.core.detect.Reading});
 * {@link io.phasewatch.core.detect.PhaseChangeDetector} turns readings and the last announcements
 * into {@code AlertEvent}s, so a value that wanders inside the dead band never flaps.
 */
package io.phasewatch.core.detect;
