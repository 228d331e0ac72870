/**
 * {@code phasewatch diagnose}: reads a base-model panel and/or a frontier cohort from CSV (or the
 * snapshot bundled in the jar), reports bad rows with file, line and field, runs the
 * {@code core.diagnosis} facade and prints tables or one JSON document (docs/DIAGNOSE.md).
 */
package io.phasewatch.cli.diagnose;
