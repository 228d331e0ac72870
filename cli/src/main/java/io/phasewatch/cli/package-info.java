/**
 * The single {@code phasewatch} command ({@link io.phasewatch.cli.Main}) and the wiring its
 * subcommands share: version, exit codes, error handling, the {@code /metrics} endpoint of the
 * services that serve nothing else. Each subcommand lives in its own
 * package.
 */
package io.phasewatch.cli;
