/**
 * Sinks: one delivery attempt of one alert to one destination, classified as delivered,
 * retryable or rejected. Retrying is not a sink's business ({@link
 * io.phasewatch.alerts.delivery.RetryingDelivery} does it for all of them).
 */
package io.phasewatch.alerts.sink;
