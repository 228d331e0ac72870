/**
 * {@code phasewatch run}, the embedded default (DESIGN.md "One artifact, several roles"): one
 * process with an in-JVM KRaft broker, the streams topology and the alert router, that replays
 * the bundled snapshot in date order, prints phase changes as they fire and a summary once the
 * history is processed, then keeps running for live feeds.
 *
 * <p>One class per concern: {@link io.phasewatch.cli.run.StateDirectory} (what a run keeps),
 * {@link io.phasewatch.cli.run.BundledFeeds} (the snapshot out of the jar),
 * {@link io.phasewatch.cli.run.ReplayPlan} and {@link io.phasewatch.cli.run.Replay} (the
 * date-ordered, paced replay through the ingest code), {@link
 * io.phasewatch.cli.run.ProcessingCheck} (what "processed" means), {@link
 * io.phasewatch.cli.run.PhaseChangeLine} and {@link io.phasewatch.cli.run.SummaryTable} (the
 * console), {@link io.phasewatch.cli.run.RunStatus} ({@code /api/status}) and {@link
 * io.phasewatch.cli.run.Runner}, which starts and stops them in order.
 */
package io.phasewatch.cli.run;
