/**
 * Checks of the deployment files at the repository root, without Docker or Grafana: the Grafana
 * provisioning and dashboards (structure, datasource, and that every query uses only metric
 * names the app exports), the Prometheus configurations ({@code promtool check config}), the
 * docker-compose file ({@code docker-compose config -q}) and the Dockerfile. The binaries come
 * from Debian packages: {@code prometheus} (promtool) and {@code docker-compose}.
 */
package io.phasewatch.cli.stack;
