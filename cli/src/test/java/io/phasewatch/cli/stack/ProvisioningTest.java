package io.phasewatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Grafana provisioning files parse and agree with the compose file that mounts them. */
class ProvisioningTest {
  static final String DATASOURCE_UID = "phasewatch-prometheus";

  /** The uid of the one Prometheus datasource the provisioning declares. */
  static String provisionedDatasourceUid() {
    List<JsonNode> prometheus = provisionedPrometheusDatasources();
    assertThat(prometheus).as("Prometheus datasources provisioned").hasSize(1);
    return prometheus.get(0).path("uid").asText();
  }

  private static List<JsonNode> provisionedPrometheusDatasources() {
    List<JsonNode> out = new ArrayList<>();
    for (Path f : StackFiles.files(StackFiles.DATASOURCES, ".yml")) {
      JsonNode doc = StackFiles.yaml(f);
      assertThat(doc.path("apiVersion").asInt()).as(f.toString()).isEqualTo(1);
      for (JsonNode ds : doc.path("datasources")) {
        if ("prometheus".equals(ds.path("type").asText())) {
          out.add(ds);
        }
      }
    }
    return out;
  }

  @Test
  void thePrometheusDatasourceHasTheFixedUidAndPointsAtTheComposePrometheus() {
    assertThat(provisionedDatasourceUid()).isEqualTo(DATASOURCE_UID);
    JsonNode ds = provisionedPrometheusDatasources().get(0);
    assertThat(ds.path("access").asText()).isEqualTo("proxy");
    URI url = URI.create(ds.path("url").asText());
    assertThat(url.getHost()).isEqualTo("prometheus");
    JsonNode compose = ComposeTest.resolvedCompose();
    assertThat(compose.path("services").has(url.getHost())).isTrue();
    assertThat(ComposeTest.publishedTargets(compose, "prometheus")).contains(url.getPort());
  }

  @Test
  void theDashboardProviderReadsTheFolderComposeMountsTheDashboardsAt() {
    List<Path> files = StackFiles.files(StackFiles.DASHBOARD_PROVIDERS, ".yml");
    assertThat(files).hasSize(1);
    JsonNode doc = StackFiles.yaml(files.get(0));
    assertThat(doc.path("apiVersion").asInt()).isEqualTo(1);
    assertThat(doc.path("providers")).hasSize(1);
    JsonNode provider = doc.path("providers").get(0);
    assertThat(provider.path("type").asText()).isEqualTo("file");
    String path = provider.path("options").path("path").asText();

    JsonNode compose = ComposeTest.resolvedCompose();
    assertThat(ComposeTest.bindMounts(compose, "grafana"))
        .containsEntry(path, StackFiles.DASHBOARDS.toString())
        .containsEntry("/etc/grafana/provisioning/datasources", StackFiles.DATASOURCES.toString())
        .containsEntry("/etc/grafana/provisioning/dashboards",
            StackFiles.DASHBOARD_PROVIDERS.toString());
  }

  @Test
  void grafanasHomeDashboardIsAProvisionedFile() {
    JsonNode grafana = ComposeTest.resolvedCompose().path("services").path("grafana");
    String home = grafana.path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")
        .asText();
    JsonNode provider = StackFiles.yaml(
        StackFiles.files(StackFiles.DASHBOARD_PROVIDERS, ".yml").get(0)).path("providers").get(0);
    String folder = provider.path("options").path("path").asText();
    assertThat(home).startsWith(folder + "/");
    assertThat(StackFiles.DASHBOARDS.resolve(home.substring(folder.length() + 1))).exists();
  }
}
