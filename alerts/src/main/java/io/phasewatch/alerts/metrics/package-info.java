/**
 * The router's Micrometer meters (names in README "Metrics": {@code phasewatch_alerts_*_total}
 * by sink and kind, {@code phasewatch_alert_delivery_seconds} by sink). The standalone
 * {@code phasewatch alerts} service serves them with the cli's {@code MetricsEndpoint}.
 */
package io.phasewatch.alerts.metrics;
