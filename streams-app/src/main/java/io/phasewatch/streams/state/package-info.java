/**
 * The values the topology keeps in its state stores and passes between stages: all scores of one
 * model, the resolved profile of a model, a family's members, a group's (panel or cohort)
 * members, and the pure functions that move them (adder, subtractor, resolution).
 */
package io.phasewatch.streams.state;
