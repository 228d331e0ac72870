package io.phasewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.phasewatch.streams.config.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StreamsCommandTest {

  private static StreamsSettings settings(Map<String, String> env, String... args)
      throws Exception {
    StreamsCommand command = new StreamsCommand();
    new CommandLine(command).parseArgs(args);
    return command.settings(env);
  }

  @Test
  void optionsOverrideTheEnvironmentWhichOverridesTheFileWhichOverridesDefaults(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("streams.properties");
    Files.writeString(file, "bootstrap.servers=file:9092\nhttp.port=1111\ntopic.prefix=fromfile\n"
        + "application.id=from-file\n");

    StreamsSettings defaults = settings(Map.of());
    assertThat(defaults.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(defaults.httpPort()).isEqualTo(8080);

    StreamsSettings fromFile = settings(Map.of(), "--config", file.toString());
    assertThat(fromFile.bootstrapServers()).isEqualTo("file:9092");
    assertThat(fromFile.httpPort()).isEqualTo(1111);

    Map<String, String> env = Map.of("PHASEWATCH_BOOTSTRAP_SERVERS", "env:9092",
        "PHASEWATCH_HTTP_PORT", "2222", "HOME", "/root");
    StreamsSettings fromEnv = settings(env, "--config", file.toString());
    assertThat(fromEnv.bootstrapServers()).isEqualTo("env:9092");
    assertThat(fromEnv.httpPort()).isEqualTo(2222);
    assertThat(fromEnv.topicPrefix()).isEqualTo("fromfile");

    StreamsSettings fromOptions = settings(env, "--config", file.toString(),
        "--bootstrap-servers", "cli:9092", "--http-port", "0");
    assertThat(fromOptions.bootstrapServers()).isEqualTo("cli:9092");
    assertThat(fromOptions.httpPort()).isZero();
    assertThat(fromOptions.applicationId()).isEqualTo("from-file");
  }

  @Test
  void aMissingConfigurationFileIsAUsageError(@TempDir Path dir) {
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new java.io.PrintWriter(err));
    int code = cl.execute("streams", "--config", dir.resolve("nope.properties").toString());
    assertThat(code).isEqualTo(Main.EXIT_INPUT);
    assertThat(err.toString()).contains("nope.properties").contains("no such file");
  }
}
