/**
 * Fault tests (tag {@code fault}): the streams application as real child JVMs killed with SIGKILL
 * and restarted, a broker restarted under it, two instances sharing the work and handing it over,
 * and a hostile input stream; each compares the final diagnosis topics with those of an
 * uninterrupted run or with direct computation. Sizes are reduced so that the four run in CI in
 * a few minutes; docs/PERFORMANCE.md says how they are run.
 */
package io.phasewatch.cli.fault;
