package io.phasewatch.alerts.route;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of the routing table: alerts that {@code match} go to {@code sinks}. Evaluation stops
 * at the first matching route unless it says {@code continue: true} (as in Alertmanager).
 *
 * @param name for logs and error messages; defaults to "route N"
 */
public record Route(String name, RouteMatch match, List<String> sinks, boolean continueMatching) {

  public Route {
    name = name == null ? "" : name;
    match = match == null ? RouteMatch.any() : match;
    sinks = sinks == null ? List.of() : List.copyOf(sinks);
  }

  @JsonCreator
  static Route fromConfig(
      @JsonProperty("name") String name,
      @JsonProperty("match") RouteMatch match,
      @JsonProperty(value = "sinks", required = true) List<String> sinks,
      @JsonProperty("continue") Boolean continueMatching) {
    return new Route(name, match, sinks, Boolean.TRUE.equals(continueMatching));
  }
}
