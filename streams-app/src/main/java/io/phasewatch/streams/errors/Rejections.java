package io.phasewatch.streams.errors;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds rejected records and counts them by reason. One instance per application, handed to the
 * exception handlers through the streams configuration under {@link #CONFIG_KEY}; the metrics
 * binder hears of each rejection ({@link #onCount}) and {@link #counts()} sums them.
 */
public final class Rejections {
  /** Streams-config key under which the application's instance is passed to the handlers. */
  public static final String CONFIG_KEY = "phasewatch.rejections";
  /** Streams-config key holding the rejected topic's name. */
  public static final String TOPIC_CONFIG_KEY = "phasewatch.rejected.topic";

  public static final String HEADER_REASON = "reason";
  public static final String HEADER_STAGE = "stage";
  public static final String HEADER_SOURCE = "source";

  /** Where in the flow a record was rejected. */
  public enum Stage {
    DESERIALIZATION("deserialization"),
    VALIDATION("validation"),
    PROCESSING("processing");

    private final String id;

    Stage(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  private final Map<String, LongAdder> byReason = new ConcurrentHashMap<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  /** Counts one rejection. {@code reason} must be a short, bounded identifier (a metric tag). */
  public void count(String reason) {
    byReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
    listeners.forEach(l -> l.accept(reason));
  }

  /** Calls {@code listener} with the reason of every rejection counted from now on. */
  public void onCount(Consumer<String> listener) {
    listeners.add(listener);
  }

  /** Rejections so far, by reason. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new TreeMap<>();
    byReason.forEach((r, n) -> out.put(r, n.sum()));
    return out;
  }

  /** The headers every rejected record carries. */
  public static Headers headers(String reason, Stage stage, String source) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(HEADER_REASON, reason.getBytes(StandardCharsets.UTF_8));
    headers.add(HEADER_STAGE, stage.id().getBytes(StandardCharsets.UTF_8));
    headers.add(HEADER_SOURCE, source.getBytes(StandardCharsets.UTF_8));
    return headers;
  }

  /** A rejected record for {@code topic}: the original key and value bytes, with the headers. */
  public static ProducerRecord<byte[], byte[]> record(String topic, byte[] key, byte[] value,
      String reason, Stage stage, String source) {
    return new ProducerRecord<>(topic, null, key, value, headers(reason, stage, source));
  }

  /** The reason of every record the deserialisers cannot read. */
  public static final String REASON_MALFORMED = "malformed";
  /** The reason of every record whose processing threw. */
  public static final String REASON_PROCESSING_FAILED = "processing_failed";

  static Rejections from(Map<String, ?> configs) {
    Object o = configs.get(CONFIG_KEY);
    return o instanceof Rejections r ? r : new Rejections();
  }

  static String topicFrom(Map<String, ?> configs) {
    Object o = configs.get(TOPIC_CONFIG_KEY);
    if (o == null) {
      throw new IllegalStateException(TOPIC_CONFIG_KEY + " is not configured");
    }
    return o.toString();
  }
}
