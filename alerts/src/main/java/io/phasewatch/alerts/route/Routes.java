package io.phasewatch.alerts.route;

import io.phasewatch.core.domain.AlertEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The routing table: which sinks, in order and without repeats, an alert goes to. */
public final class Routes {
  private final List<Route> routes;

  public Routes(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /**
   * The sinks of the first matching route, plus those of the following matching routes as long
   * as each matched route says {@code continue}. Empty when no route matches.
   */
  public List<String> sinksFor(AlertEvent alert) {
    Set<String> sinks = new LinkedHashSet<>();
    for (Route route : routes) {
      if (route.match().matches(alert)) {
        sinks.addAll(route.sinks());
        if (!route.continueMatching()) {
          break;
        }
      }
    }
    return List.copyOf(sinks);
  }

  public List<Route> routes() {
    return routes;
  }
}
