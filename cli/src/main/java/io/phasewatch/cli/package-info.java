/**
 * The single {@code phasewatch} command ({@link io.phasewatch.cli.Main}) and the wiring its
 * subcommands share: version, exit codes, error handling. Each subcommand lives in its own
 * package.
 */
package io.phasewatch.cli;
