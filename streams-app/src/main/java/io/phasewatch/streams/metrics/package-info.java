/**
 * Micrometer meters of DESIGN.md "Metrics" (prefix {@code phasewatch}, tags only {@code family},
 * {@code panel}, {@code cohort}, {@code benchmark}, {@code kind}, {@code reason}; never a model id)
 * fed by the topology's {@link io.phasewatch.streams.topology.TopologyListener}, plus Kafka
 * Streams' own metrics through Micrometer's {@code KafkaStreamsMetrics}.
 */
package io.phasewatch.streams.metrics;
