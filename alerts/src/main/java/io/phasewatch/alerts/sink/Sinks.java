package io.phasewatch.alerts.sink;

import io.phasewatch.alerts.config.RouterConfig;
import io.phasewatch.alerts.config.RouterConfigs.InvalidConfigException;
import io.phasewatch.alerts.config.SinkConfig;
import io.phasewatch.core.domain.AlertEvent;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Builds the configured sinks. */
public final class Sinks {
  private Sinks() {}

  /**
   * One sink per configured name, in file order.
   *
   * @param env looks up environment variables (webhook secrets); {@code System::getenv} wrapped
   * @param console where console sinks print
   * @throws InvalidConfigException naming every sink that cannot be built (a missing secret,
   *     never its value)
   */
  public static Map<String, AlertSink> create(
      RouterConfig config, Function<String, Optional<String>> env, PrintStream console) {
    return create(config, env, console, AlertText::line);
  }

  /** As {@link #create(RouterConfig, Function, PrintStream)}, console lines in {@code format}. */
  public static Map<String, AlertSink> create(RouterConfig config,
      Function<String, Optional<String>> env, PrintStream console,
      Function<AlertEvent, String> consoleFormat) {
    Map<String, AlertSink> sinks = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    config.sinks().forEach((name, sinkConfig) -> {
      try {
        sinks.put(name, create(name, sinkConfig, env, console, consoleFormat));
      } catch (IllegalArgumentException e) {
        problems.add("sink '" + name + "': " + e.getMessage());
      }
    });
    if (!problems.isEmpty()) {
      sinks.values().forEach(AlertSink::close);
      throw new InvalidConfigException(String.join("; ", problems));
    }
    return sinks;
  }

  static AlertSink create(String name, SinkConfig config,
      Function<String, Optional<String>> env, PrintStream console,
      Function<AlertEvent, String> consoleFormat) {
    if (config instanceof SinkConfig.Console) {
      return new ConsoleSink(name, console, consoleFormat);
    } else if (config instanceof SinkConfig.Log) {
      return new LogSink(name);
    } else if (config instanceof SinkConfig.Webhook w) {
      boolean unsigned = w.optionalSecret() && w.secretFile().isEmpty()
          && env.apply(w.secretEnv()).filter(v -> !v.isEmpty()).isEmpty();
      return new WebhookSink(name, httpUrl(w.url()), unsigned ? Optional.empty()
          : Optional.of(Secret.resolve(w.secretFile(), w.secretEnv(), env)), w.connectTimeout(),
          w.readTimeout());
    } else if (config instanceof SinkConfig.Slack s) {
      return new SlackSink(name, httpUrl(s.url()), s.connectTimeout(), s.readTimeout());
    } else if (config instanceof SinkConfig.Alertmanager a) {
      return new AlertmanagerSink(name, httpUrl(a.url()), a.firingTtl(), a.runbookBase(),
          a.extraLabels(), a.connectTimeout(), a.readTimeout());
    } else if (config instanceof SinkConfig.JsonLines j) {
      return new JsonLinesSink(name, j.path());
    }
    throw new IllegalArgumentException("unknown sink type " + config.getClass().getSimpleName());
  }

  private static URI httpUrl(URI url) {
    if (url == null || url.getScheme() == null || url.getHost() == null
        || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
      // the URL itself stays out of the message: a Slack webhook URL is a credential
      throw new IllegalArgumentException("url must be an absolute http(s) URL");
    }
    return url;
  }

  /** The process environment, for {@link #create}. */
  public static Function<String, Optional<String>> systemEnv() {
    return name -> Optional.ofNullable(System.getenv(name));
  }
}
