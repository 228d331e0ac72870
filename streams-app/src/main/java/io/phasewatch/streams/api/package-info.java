/**
 * The JSON query API over the topology's state stores and the Prometheus {@code /metrics}
 * endpoint, on the JDK's HTTP server. One shape everywhere: a family is one element of {@code
 * phasewatch diagnose --json}'s {@code base.families[]}, a panel its {@code base.pooled}, a cohort
 * its {@code frontier}.
 */
package io.phasewatch.streams.api;
