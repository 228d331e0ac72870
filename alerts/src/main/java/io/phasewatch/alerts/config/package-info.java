/**
 * The router's configuration: a YAML file (snake_case keys, durations such as {@code 500ms},
 * {@code 5s}, {@code 7d} or ISO-8601) read into records and validated once at start, so a typo
 * fails the start and not the first alert.
 */
package io.phasewatch.alerts.config;
