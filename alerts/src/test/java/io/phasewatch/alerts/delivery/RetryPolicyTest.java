package io.phasewatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.2);

  @Test
  void backoffDoublesFromTheInitialWaitUntilTheCap() {
    // uniform 0.5 = no jitter: 100, 200, 400, 800, then capped at 1000 ms
    assertThat(policy.backoff(1, 0.5, Optional.empty())).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoff(2, 0.5, Optional.empty())).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoff(3, 0.5, Optional.empty())).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoff(4, 0.5, Optional.empty())).isEqualTo(Duration.ofMillis(800));
    assertThat(policy.backoff(5, 0.5, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void jitterSpreadsTheWaitByTheConfiguredFraction() {
    // 200 ms ± 20%: uniform 0 -> 160 ms, uniform 0.75 -> 220 ms
    assertThat(policy.backoff(2, 0.0, Optional.empty())).isEqualTo(Duration.ofMillis(160));
    assertThat(policy.backoff(2, 0.75, Optional.empty())).isEqualTo(Duration.ofMillis(220));
  }

  @Test
  void jitteredWaitNeverExceedsTheCap() {
    assertThat(policy.backoff(9, 0.999, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterRaisesTheWaitButNotAboveTheCap() {
    assertThat(policy.backoff(1, 0.5, Optional.of(Duration.ofMillis(700))))
        .isEqualTo(Duration.ofMillis(700));
    assertThat(policy.backoff(1, 0.5, Optional.of(Duration.ofSeconds(120))))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoff(3, 0.5, Optional.of(Duration.ofMillis(10))))
        .as("a shorter Retry-After does not shorten the backoff").isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void missingSettingsTakeTheDocumentedDefaults() {
    RetryPolicy d = RetryPolicy.of(null, null, null, null, null);
    assertThat(d).isEqualTo(new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2));
  }

  @Test
  void rejectsPoliciesThatCannotWork() {
    assertThatThrownBy(() -> RetryPolicy.of(0, null, null, null, null))
        .hasMessageContaining("max_attempts");
    assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ofSeconds(5), Duration.ofSeconds(1), null, null))
        .hasMessageContaining("initial_backoff <= max_backoff");
    assertThatThrownBy(() -> RetryPolicy.of(3, null, null, null, 1.0)).hasMessageContaining("jitter");
  }
}
