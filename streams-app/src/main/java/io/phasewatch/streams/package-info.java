/**
 * The phasewatch Kafka Streams application: configuration, the application's lifecycle and the
 * entry point. The topology itself is built in {@link io.phasewatch.streams.topology}.
 */
package io.phasewatch.streams;
