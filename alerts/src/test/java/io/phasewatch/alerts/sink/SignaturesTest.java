package io.phasewatch.alerts.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignaturesTest {

  @Test
  void signatureIsTheHexHmacSha256OfTheBody() {
    // RFC 4231, test case 2
    assertThat(Signatures.sign(Secret.of("Jefe"),
        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void secretNeverShowsInItsStringForm() {
    assertThat(Secret.of("hunter2").toString()).doesNotContain("hunter2");
  }

  @Test
  void secretComesFromTheFileBeforeTheEnvironmentWithoutItsTrailingNewline(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "from-file\n");
    Secret s = Secret.resolve(Optional.of(file), "PHASEWATCH_WEBHOOK_SECRET",
        name -> Optional.ofNullable(Map.of("PHASEWATCH_WEBHOOK_SECRET", "from-env").get(name)));
    assertThat(Signatures.sign(s, new byte[] {1}))
        .isEqualTo(Signatures.sign(Secret.of("from-file"), new byte[] {1}));
  }

  @Test
  void missingSecretNamesTheVariableNotAValue() {
    assertThatThrownBy(() -> Secret.resolve(Optional.empty(), "MY_HOOK_SECRET", n -> Optional.empty()))
        .hasMessageContaining("MY_HOOK_SECRET").hasMessageContaining("not set");
  }
}
