/**
 * Ingest: collectors that read public leaderboard feeds and publish their scores and models to
 * Kafka. A run of a feed is: fetch the location ({@code fetch}), read rows in the feed's format
 * ({@code collect}), resolve them into records ({@code resolve}), and publish what is new or
 * changed ({@code publish}). {@link io.phasewatch.ingest.IngestRun} ties the stages together.
 */
package io.phasewatch.ingest;
