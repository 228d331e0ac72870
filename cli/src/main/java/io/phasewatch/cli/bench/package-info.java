/**
 * {@code phasewatch bench}: the end-to-end benchmark of docs/PERFORMANCE.md. A seeded synthetic
 * leaderboard ({@link io.phasewatch.cli.bench.SyntheticLeaderboard}) is published once to an
 * embedded broker; the same records are then read by a plain consumer, by a pass-through Kafka
 * Streams application with the same exactly-once settings, and by the phasewatch topology, and
 * the latency from a score's publication to its family diagnosis and to its alert is measured at
 * a fixed offered rate ({@link io.phasewatch.cli.bench.Bench}).
 */
package io.phasewatch.cli.bench;
