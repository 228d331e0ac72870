package io.phasewatch.alerts.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.phasewatch.alerts.testing.ProjectFiles;
import io.phasewatch.core.domain.AlertKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every alert, from a rule or from the router, has its runbook in docs/runbooks.md. */
class RunbookLinksTest {
  private static final Path ROOT = ProjectFiles.root();
  private static final String RUNBOOKS_URL =
      "https://github.com/phasewatch/phasewatch/blob/main/docs/runbooks.md";

  /** GitHub's heading anchors: lower case, punctuation other than - and _ dropped, spaces to -. */
  static Set<String> anchors() throws Exception {
    Matcher m = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$")
        .matcher(Files.readString(ROOT.resolve("docs/runbooks.md")));
    Set<String> anchors = new HashSet<>();
    while (m.find()) {
      anchors.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
          .replace(' ', '-'));
    }
    return anchors;
  }

  @Test
  void everyRuleHasSeverityForKeepFiringForSummaryDescriptionAndARunbookThatExists()
      throws Exception {
    Set<String> anchors = anchors();
    JsonNode groups = new YAMLMapper().readTree(ROOT.resolve("prometheus/rules/phasewatch.rules.yml").toFile())
        .get("groups");
    int rules = 0;
    for (JsonNode group : groups) {
      for (JsonNode rule : group.get("rules")) {
        rules++;
        String alert = rule.get("alert").asText();
        assertThat(rule.path("labels").path("severity").asText()).as(alert + " severity")
            .isIn("info", "warning", "critical");
        assertThat(rule.has("for")).as(alert + " has for").isTrue();
        assertThat(rule.has("keep_firing_for")).as(alert + " has keep_firing_for").isTrue();
        JsonNode ann = rule.get("annotations");
        assertThat(ann.path("summary").asText()).as(alert + " summary").isNotBlank();
        assertThat(ann.path("description").asText()).as(alert + " description").isNotBlank();
        String url = ann.path("runbook_url").asText();
        assertThat(url).as(alert + " runbook_url")
            .isEqualTo(RUNBOOKS_URL + "#" + alert.toLowerCase(Locale.ROOT));
        assertThat(anchors).as("docs/runbooks.md section for " + alert)
            .contains(alert.toLowerCase(Locale.ROOT));
      }
    }
    assertThat(rules).isEqualTo(9);
  }

  @Test
  void everyAlertKindTheRouterPostsHasARunbookSection() throws Exception {
    Set<String> kinds = Arrays.stream(AlertKind.values())
        .map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    assertThat(anchors()).containsAll(kinds);
  }

  @Test
  void exampleRouterConfigPointsAlertmanagerRunbooksAtTheSameDocument() throws Exception {
    String example = new String(RunbookLinksTest.class
        .getResourceAsStream("/io/phasewatch/alerts/alerts.example.yml").readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(example).contains("runbook_base: " + RUNBOOKS_URL + "\n");
  }
}
