package io.phasewatch.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phasewatch.cli.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
  @TempDir
  Path dir;

  @Test
  void aTemporaryDirectoryIsDeletedOnClose() {
    StateDirectory s = StateDirectory.temporary();
    assertThat(s.root()).isDirectory();
    assertThat(s.resumed()).isFalse();
    s.close();
    assertThat(s.root()).doesNotExist();
  }

  @Test
  void aKeptDirectoryIsResumedByTheNextRunAndEmptiedByFresh() throws Exception {
    Path state = dir.resolve("state");
    StateDirectory first = StateDirectory.at(state, false);
    assertThat(first.resumed()).isFalse();
    Files.createDirectories(first.kafka());
    Files.writeString(first.kafka().resolve("meta.properties"), "x");
    first.close();
    assertThat(first.kafka().resolve("meta.properties")).exists();

    StateDirectory second = StateDirectory.at(state, false);
    assertThat(second.resumed()).isTrue();
    assertThat(second.kafka().resolve("meta.properties")).exists();

    StateDirectory fresh = StateDirectory.at(state, true);
    assertThat(fresh.resumed()).isFalse();
    assertThat(fresh.kafka()).doesNotExist();
    assertThat(state.resolve(StateDirectory.MARKER)).exists();
  }

  @Test
  void aDirectoryOfSomethingElseIsNeverEmptied() throws Exception {
    Path other = Files.createDirectories(dir.resolve("home"));
    Files.writeString(other.resolve("thesis.tex"), "precious");
    assertThatThrownBy(() -> StateDirectory.at(other, true))
        .isInstanceOf(UserInputException.class).hasMessageContaining("not empty");
    assertThat(other.resolve("thesis.tex")).hasContent("precious");
  }
}
