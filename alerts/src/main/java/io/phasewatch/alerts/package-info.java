/**
 * The alert router: consumes phase-change events ({@code AlertEvent}) from
 * {@code <prefix>.alerts.v1} and delivers each to the sinks its route names (log, console,
 * signed JSON webhook, Slack, Alertmanager, JSON Lines), at least once and once per sink.
 *
 * <p>Stages, one package each: {@link io.phasewatch.alerts.config} (the YAML configuration),
 * {@link io.phasewatch.alerts.route} (which sinks an alert goes to), {@link
 * io.phasewatch.alerts.sink} (one delivery attempt per sink), {@link
 * io.phasewatch.alerts.delivery} (retries, the delivered-id ledger, dead letters: the router
 * core, no Kafka), {@link io.phasewatch.alerts.kafka} (the consumer loop, the Kafka ledger and
 * dead-letter topic) and {@link io.phasewatch.alerts.metrics}.
 */
package io.phasewatch.alerts;
