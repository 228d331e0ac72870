/**
 * The phasewatch topology, one file per stage of DESIGN.md's data flow: {@link
 * io.phasewatch.streams.topology.ScoreStage} (validated scores and models), {@link
 * io.phasewatch.streams.topology.ProfileStage} (each model's scores and records, resolved into
 * its profile), {@link
 * io.phasewatch.streams.topology.FamilyStage}, {@link io.phasewatch.streams.topology.PanelStage},
 * {@link io.phasewatch.streams.topology.FrontierStage} and {@link
 * io.phasewatch.streams.topology.DetectorStage}, composed by {@link
 * io.phasewatch.streams.topology.PhasewatchTopology}. Every operator, store and internal topic
 * takes its name from {@link io.phasewatch.streams.topology.Names}.
 */
package io.phasewatch.streams.topology;
