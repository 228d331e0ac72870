/**
 * The streams application's settings, layered: built-in defaults, then a properties file, then
 * {@code PHASEWATCH_*} environment variables; Kafka client settings (SASL, SSL, …) pass through
 * under {@code kafka.}.
 */
package io.phasewatch.streams.config;
