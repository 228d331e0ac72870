package io.phasewatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The deployment files at the repository root, found by walking up from the working directory
 * (Maven runs the cli tests in {@code cli/}).
 */
final class StackFiles {
  static final Path ROOT = findRoot();
  static final Path DASHBOARDS = ROOT.resolve("grafana/dashboards");
  static final Path DATASOURCES = ROOT.resolve("grafana/provisioning/datasources");
  static final Path DASHBOARD_PROVIDERS = ROOT.resolve("grafana/provisioning/dashboards");
  static final Path PROMETHEUS = ROOT.resolve("prometheus/prometheus.yml");
  static final Path PROMETHEUS_LOCAL = ROOT.resolve("prometheus/prometheus-local.yml");
  static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
  static final Path DOCKERFILE = ROOT.resolve("Dockerfile");
  static final Path DOCKERIGNORE = ROOT.resolve(".dockerignore");
  static final Path DEPLOY_DOC = ROOT.resolve("docs/DEPLOY.md");

  private static final ObjectMapper JSON = new ObjectMapper();
  // Prints a YAML file as JSON. A YAML library is not on the cli test classpath yet; PyYAML
  // comes with Debian's docker-compose, which these tests need anyway.
  private static final String YAML_TO_JSON =
      "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1], encoding='utf-8')), sys.stdout)";

  private StackFiles() {}

  private static Path findRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("docker-compose.yml"))
          && Files.isDirectory(d.resolve("grafana/provisioning"))) {
        return d;
      }
    }
    throw new IllegalStateException("no directory with docker-compose.yml and grafana/provisioning"
        + " above " + dir);
  }

  static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  /** Parses a YAML file (PyYAML's safe loader) into a JSON tree; fails the test when invalid. */
  static JsonNode yaml(Path file) {
    Tools.Result r = Tools.run(Tools.PYTHON3, ROOT, "-c", YAML_TO_JSON, file.toString());
    assertThat(r.exitCode()).as("%s is not valid YAML:%n%s", ROOT.relativize(file), r.output())
        .isZero();
    return parseJson(r.output());
  }

  /** Parses YAML text (e.g. {@code docker-compose config} output) into a JSON tree. */
  static JsonNode yamlText(String text) {
    try {
      Path tmp = Files.createTempFile("phasewatch-stack", ".yml");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        return yaml(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parseJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files of {@code dir} whose names end in {@code suffix}, sorted. */
  static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
