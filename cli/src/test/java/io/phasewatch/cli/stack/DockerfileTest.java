package io.phasewatch.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, read statically (no engine here to build it): two stages, the wrapper builds
 * the fat jar, the runtime runs it as a non-root user, and the build context keeps what the
 * build needs.
 */
class DockerfileTest {
  /** What the build stage reads from the context. */
  private static final List<String> NEEDED_IN_CONTEXT = List.of("mvnw", ".mvn/wrapper",
      "pom.xml", "core/pom.xml", "core/src/main/java", "cli/pom.xml", "cli/src/main/java",
      "feeds/bundled-base-models.yaml", "data/bundled/base_models.csv");

  /** One instruction, continuation lines joined. */
  record Instruction(String keyword, String args) {}

  static List<Instruction> instructions() {
    List<Instruction> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : StackFiles.text(StackFiles.DOCKERFILE).split("\n")) {
      String line = raw.strip();
      if (current.length() == 0 && (line.isEmpty() || line.startsWith("#"))) {
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      String text = current.toString().strip();
      current.setLength(0);
      int space = text.indexOf(' ');
      out.add(new Instruction(text.substring(0, space).toUpperCase(Locale.ROOT),
          text.substring(space + 1).strip()));
    }
    return out;
  }

  /** The instructions of each stage (index 0: before the first FROM, the global ARGs). */
  static List<List<Instruction>> stages() {
    List<List<Instruction>> stages = new ArrayList<>();
    stages.add(new ArrayList<>());
    for (Instruction i : instructions()) {
      if (i.keyword().equals("FROM")) {
        stages.add(new ArrayList<>());
      }
      stages.get(stages.size() - 1).add(i);
    }
    return stages;
  }

  @Test
  void aJdk17BuildStageRunsTheWrapperToBuildTheFatJar() {
    List<List<Instruction>> stages = stages();
    assertThat(stages).as("global ARGs and two stages").hasSize(3);
    Map<String, String> args = stages.get(0).stream().filter(i -> i.keyword().equals("ARG"))
        .map(i -> i.args().split("=", 2))
        .collect(Collectors.toMap(a -> a[0], a -> a.length > 1 ? a[1] : ""));
    List<Instruction> build = stages.get(1);
    String from = build.get(0).args();
    assertThat(from).endsWith(" AS build");
    String image = resolve(from.substring(0, from.indexOf(' ')), args);
    assertThat(image).contains("maven").contains("temurin-17");
    assertThat(build).filteredOn(i -> i.keyword().equals("RUN")).extracting(Instruction::args)
        .anySatisfy(run -> assertThat(run).contains("./mvnw").contains("-pl cli")
            .contains(" package").contains("test -s cli/target/phasewatch.jar"));
  }

  @Test
  void theRuntimeStageRunsTheJarOnAJre17AsANonRootUser() {
    List<List<Instruction>> stages = stages();
    Map<String, String> args = stages.get(0).stream().filter(i -> i.keyword().equals("ARG"))
        .map(i -> i.args().split("=", 2))
        .collect(Collectors.toMap(a -> a[0], a -> a.length > 1 ? a[1] : ""));
    List<Instruction> runtime = stages.get(2);
    assertThat(resolve(runtime.get(0).args(), args)).contains("17-jre");
    assertThat(runtime).extracting(Instruction::args)
        .contains("--from=build /src/cli/target/phasewatch.jar /app/phasewatch.jar");
    String user = runtime.stream().filter(i -> i.keyword().equals("USER"))
        .reduce((a, b) -> b).map(Instruction::args).orElse("root");
    assertThat(user.split(":")[0]).isNotIn("root", "0");
    String entrypoint = runtime.stream().filter(i -> i.keyword().equals("ENTRYPOINT"))
        .reduce((a, b) -> b).map(Instruction::args).orElseThrow();
    JsonNode exec = StackFiles.parseJson(entrypoint);
    assertThat(exec.isArray()).as("exec form").isTrue();
    List<String> argv = new ArrayList<>();
    exec.forEach(n -> argv.add(n.asText()));
    assertThat(argv).containsExactly("java", "-jar", "/app/phasewatch.jar");
  }

  @Test
  void theBuildContextKeepsWhatTheBuildReadsAndDropsBuildOutput() {
    List<Pattern> ignored = new ArrayList<>();
    for (String line : StackFiles.text(StackFiles.DOCKERIGNORE).split("\n")) {
      String p = line.strip();
      if (!p.isEmpty() && !p.startsWith("#")) {
        assertThat(p).as("no exceptions (!) to keep this check simple").doesNotStartWith("!");
        ignored.add(glob(p));
      }
    }
    for (String path : NEEDED_IN_CONTEXT) {
      assertThat(ignored).as("%s stays in the build context", path)
          .noneMatch(p -> matchesOrParent(p, path));
    }
    assertThat(ignored).as(".git is ignored").anyMatch(p -> p.matcher(".git").matches());
    assertThat(ignored).as("module target/ is ignored")
        .anyMatch(p -> p.matcher("cli/target").matches());
  }

  private static boolean matchesOrParent(Pattern p, String path) {
    String[] parts = path.split("/");
    StringBuilder prefix = new StringBuilder();
    for (String part : parts) {
      prefix.append(prefix.length() == 0 ? "" : "/").append(part);
      if (p.matcher(prefix).matches()) {
        return true;
      }
    }
    return false;
  }

  /** A .dockerignore pattern as a regex on paths relative to the context. */
  private static Pattern glob(String pattern) {
    String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (p.startsWith("**/", i)) {
        re.append("(?:.*/)?");
        i += 2;
      } else if (p.startsWith("**", i)) {
        re.append(".*");
        i += 1;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  private static String resolve(String image, Map<String, String> args) {
    String out = image;
    for (Map.Entry<String, String> a : args.entrySet()) {
      out = out.replace("${" + a.getKey() + "}", a.getValue());
    }
    return out;
  }
}
