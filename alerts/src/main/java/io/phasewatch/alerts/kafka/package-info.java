/**
 * The router on Kafka: topic names, the consumer loop that commits offsets only after every
 * sink of a record delivered or dead-lettered it, the compacted delivered-id ledger topic and
 * the dead-letter topic.
 */
package io.phasewatch.alerts.kafka;
