package io.phasewatch.streams.errors;

import java.util.Map;

/**
 * What the rejecting handlers share: the rejection counters and the rejected topic, both taken
 * from the streams configuration when Kafka Streams configures the handler.
 */
abstract class RejectingHandler {
  protected Rejections rejections = new Rejections();
  protected String rejectedTopic;

  public void configure(Map<String, ?> configs) {
    rejections = Rejections.from(configs);
    rejectedTopic = Rejections.topicFrom(configs);
  }
}
