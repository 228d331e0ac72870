package io.phasewatch.alerts.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.phasewatch.alerts.delivery.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One configured destination, by its {@code type}. HTTP sinks carry a connect timeout (the TCP
 * and TLS handshake), a read timeout (from the request sent to the response status) and an
 * optional retry policy replacing the router-wide one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SinkConfig.Console.class, name = "console"),
    @JsonSubTypes.Type(value = SinkConfig.Log.class, name = "log"),
    @JsonSubTypes.Type(value = SinkConfig.Webhook.class, name = "webhook"),
    @JsonSubTypes.Type(value = SinkConfig.Slack.class, name = "slack"),
    @JsonSubTypes.Type(value = SinkConfig.Alertmanager.class, name = "alertmanager"),
    @JsonSubTypes.Type(value = SinkConfig.JsonLines.class, name = "jsonl")})
public sealed interface SinkConfig {

  Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
  String DEFAULT_SECRET_ENV = "PHASEWATCH_WEBHOOK_SECRET";
  Duration DEFAULT_FIRING_TTL = Duration.ofDays(7);

  /** This sink's retry policy, when it replaces the router-wide one. */
  default Optional<RetryPolicy> retry() {
    return Optional.empty();
  }

  /** One readable line per alert on standard output. */
  record Console() implements SinkConfig {}

  /** One readable line per alert, logged at INFO by logger {@code io.phasewatch.alerts}. */
  record Log() implements SinkConfig {}

  /**
   * The alert as JSON (the topic's record), signed: {@code X-Phasewatch-Signature:
   * sha256=<hex HMAC-SHA256 of the body bytes>}, with {@code Idempotency-Key} = the alert id.
   * The secret comes from {@code secretFile} if given, else from the environment variable
   * {@code secretEnv}. Without a secret the sink is refused, unless {@code optionalSecret}: then
   * it signs when the secret is set and sends unsigned otherwise ({@code phasewatch run
   * --webhook URL}).
   */
  record Webhook(
      URI url, String secretEnv, Optional<Path> secretFile, Duration connectTimeout,
      Duration readTimeout, Optional<RetryPolicy> retry, boolean optionalSecret)
      implements SinkConfig {
    public Webhook {
      secretEnv = secretEnv == null ? DEFAULT_SECRET_ENV : secretEnv;
      secretFile = secretFile == null ? Optional.empty() : secretFile;
      connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
      readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
      retry = retry == null ? Optional.empty() : retry;
    }

    /** A webhook that must be signed. */
    public Webhook(URI url, String secretEnv, Optional<Path> secretFile, Duration connectTimeout,
        Duration readTimeout, Optional<RetryPolicy> retry) {
      this(url, secretEnv, secretFile, connectTimeout, readTimeout, retry, false);
    }

    @JsonCreator
    static Webhook fromConfig(
        @JsonProperty(value = "url", required = true) URI url,
        @JsonProperty("secret_env") String secretEnv,
        @JsonProperty("secret_file") Path secretFile,
        @JsonProperty("connect_timeout") Duration connectTimeout,
        @JsonProperty("read_timeout") Duration readTimeout,
        @JsonProperty("retry") RetryPolicy retry,
        @JsonProperty("optional_secret") Boolean optionalSecret) {
      return new Webhook(url, secretEnv, Optional.ofNullable(secretFile), connectTimeout,
          readTimeout, Optional.ofNullable(retry), Boolean.TRUE.equals(optionalSecret));
    }
  }

  /** A Slack-compatible incoming webhook: {@code text} plus {@code blocks} with the evidence. */
  record Slack(URI url, Duration connectTimeout, Duration readTimeout, Optional<RetryPolicy> retry)
      implements SinkConfig {
    public Slack {
      connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
      readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
      retry = retry == null ? Optional.empty() : retry;
    }

    @JsonCreator
    static Slack fromConfig(
        @JsonProperty(value = "url", required = true) URI url,
        @JsonProperty("connect_timeout") Duration connectTimeout,
        @JsonProperty("read_timeout") Duration readTimeout,
        @JsonProperty("retry") RetryPolicy retry) {
      return new Slack(url, connectTimeout, readTimeout, Optional.ofNullable(retry));
    }
  }

  /**
   * Alertmanager's v2 API ({@code POST <url>/api/v2/alerts}).
   *
   * @param url the Alertmanager base URL, e.g. {@code http://alertmanager:9093}
   * @param firingTtl {@code endsAt} of a fired alert is its fired time plus this: phasewatch
   *     alerts are edges, not re-sent every evaluation, so without it Alertmanager would resolve
   *     them after its {@code resolve_timeout}. The resolved event ends it earlier.
   * @param runbookBase when given, annotation {@code runbook_url} = this + "#" + kind in lower
   *     case (docs/runbooks.md has a section per kind)
   * @param extraLabels static labels added to every alert, e.g. {@code env: prod}
   */
  record Alertmanager(
      URI url, Duration firingTtl, Optional<String> runbookBase, Map<String, String> extraLabels,
      Duration connectTimeout, Duration readTimeout, Optional<RetryPolicy> retry)
      implements SinkConfig {
    public Alertmanager {
      firingTtl = firingTtl == null ? DEFAULT_FIRING_TTL : firingTtl;
      runbookBase = runbookBase == null ? Optional.empty() : runbookBase;
      extraLabels = extraLabels == null ? Map.of() : Map.copyOf(extraLabels);
      connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
      readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
      retry = retry == null ? Optional.empty() : retry;
    }

    @JsonCreator
    static Alertmanager fromConfig(
        @JsonProperty(value = "url", required = true) URI url,
        @JsonProperty("firing_ttl") Duration firingTtl,
        @JsonProperty("runbook_base") String runbookBase,
        @JsonProperty("extra_labels") Map<String, String> extraLabels,
        @JsonProperty("connect_timeout") Duration connectTimeout,
        @JsonProperty("read_timeout") Duration readTimeout,
        @JsonProperty("retry") RetryPolicy retry) {
      return new Alertmanager(url, firingTtl, Optional.ofNullable(runbookBase), extraLabels,
          connectTimeout, readTimeout, Optional.ofNullable(retry));
    }
  }

  /** The alert as one JSON line appended to a file. */
  record JsonLines(@JsonProperty(value = "path", required = true) Path path)
      implements SinkConfig {}
}
