package io.phasewatch.cli.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
  private static final YAMLMapper YAML = new YAMLMapper();

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
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError(ROOT.relativize(file) + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  /** Parses YAML text (e.g. {@code docker-compose config} output) into a JSON tree. */
  static JsonNode yamlText(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not valid YAML: " + e.getMessage(), e);
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
