/**
 * The phasewatch topology, one file per stage of DESIGN.md's data flow: {@link
 * io.phasewatch.streams.topology.ScoreStage} (validated score table), {@link
 * io.phasewatch.streams.topology.ProfileStage} (resolved scores joined with models), {@link
 * io.phasewatch.streams.topology.FamilyStage}, {@link io.phasewatch.streams.topology.PanelStage},
 * {@link io.phasewatch.streams.topology.FrontierStage} and {@link
 * io.phasewatch.streams.topology.DetectorStage}, composed by {@link
 * io.phasewatch.streams.topology.PhasewatchTopology}. Every operator, store and internal topic
 * takes its name from {@link io.phasewatch.streams.topology.Names}.
 */
package io.phasewatch.streams.topology;
