/**
 * The router's Micrometer meters (names in README "Metrics": {@code phasewatch_alerts_*_total}
 * by sink and kind, {@code phasewatch_alert_delivery_seconds} by sink) and a small
 * {@code /metrics} endpoint for the standalone {@code phasewatch alerts} service.
 */
package io.phasewatch.alerts.metrics;
