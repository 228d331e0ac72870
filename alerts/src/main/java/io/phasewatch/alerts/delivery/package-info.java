/**
 * The router core, without Kafka: retries with exponential backoff and jitter (clock and sleeper
 * injected), the per-sink ledger of delivered alert ids, dead letters, and {@link
 * io.phasewatch.alerts.delivery.AlertRouter} which ties them together for one alert.
 */
package io.phasewatch.alerts.delivery;
