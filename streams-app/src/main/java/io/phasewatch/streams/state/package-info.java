/**
 * The values the topology keeps in its state stores and passes between stages: a score or model
 * record on its way to its model ({@code ModelInput}), a member joining or leaving a family,
 * panel or cohort ({@code MemberUpdate}), a family's and a group's members, a family's bootstrap
 * with what it was computed from, a diagnosis with the sources it read, and the points a
 * diagnosis reads from profiles ({@code Points}).
 */
package io.phasewatch.streams.state;
