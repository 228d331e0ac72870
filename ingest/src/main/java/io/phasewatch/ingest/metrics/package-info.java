/**
 * The ingest role's Micrometer meters, kept from each feed run's
 * {@link io.phasewatch.ingest.publish.RunSummary} ({@link io.phasewatch.ingest.metrics.IngestMetrics}).
 * Serving them ({@code /metrics}) is the command's business, not this package's.
 */
package io.phasewatch.ingest.metrics;
