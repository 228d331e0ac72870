package io.phasewatch.cli.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The dashboard JSON files of grafana/dashboards and what is inside them. */
final class Dashboards {
  /** Grafana's own variables a query may use besides the dashboard's. */
  static final List<String> GLOBAL_VARIABLES = List.of("__rate_interval", "__interval", "__range");

  private Dashboards() {}

  record Dashboard(Path file, JsonNode json) {
    String uid() {
      return json.path("uid").asText();
    }

    String name() {
      return file.getFileName().toString();
    }

    /** Every panel, including those nested in rows. */
    List<JsonNode> panels() {
      List<JsonNode> out = new ArrayList<>();
      collect(json.path("panels"), out);
      return out;
    }

    List<JsonNode> variables() {
      List<JsonNode> out = new ArrayList<>();
      json.path("templating").path("list").forEach(out::add);
      return out;
    }

    Optional<JsonNode> variable(String name) {
      return variables().stream().filter(v -> name.equals(v.path("name").asText())).findFirst();
    }

    /** Every panel query, named for messages. */
    List<Query> queries() {
      List<Query> out = new ArrayList<>();
      for (JsonNode panel : panels()) {
        for (JsonNode target : panel.path("targets")) {
          out.add(new Query(this, panel.path("title").asText(), target.path("refId").asText(),
              target.path("expr").asText()));
        }
      }
      return out;
    }

    private static void collect(JsonNode panels, List<JsonNode> out) {
      for (JsonNode p : panels) {
        out.add(p);
        collect(p.path("panels"), out);
      }
    }
  }

  /** One target of one panel. */
  record Query(Dashboard dashboard, String panelTitle, String refId, String expr) {
    @Override
    public String toString() {
      return dashboard.name() + " / \"" + panelTitle + "\" / " + refId + ": " + expr;
    }
  }

  static List<Dashboard> all() {
    return StackFiles.files(StackFiles.DASHBOARDS, ".json").stream()
        .map(f -> new Dashboard(f, StackFiles.json(f))).toList();
  }

  static List<Query> allQueries() {
    return all().stream().flatMap(d -> d.queries().stream()).toList();
  }

  /** The expression of a query variable ({@code query} is a string or an object with one). */
  static String variableQuery(JsonNode variable) {
    JsonNode q = variable.path("query");
    return q.isTextual() ? q.asText() : q.path("query").asText();
  }
}
