package io.phasewatch.streams.topology;

import io.phasewatch.streams.errors.Rejections;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an invalid record into its rejected form: the original bytes, with the headers reason
 * (the first rejection's code), stage {@code validation} and source (the topic), and counts it.
 */
final class Reject<T> implements FixedKeyProcessor<String, Checked<T>, byte[]> {
  private static final Logger LOG = LoggerFactory.getLogger(Reject.class);

  private final Rejections rejections;
  private final String sourceTopic;
  private FixedKeyProcessorContext<String, byte[]> context;

  Reject(Rejections rejections, String sourceTopic) {
    this.rejections = rejections;
    this.sourceTopic = sourceTopic;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, Checked<T>> record) {
    Checked<T> checked = record.value();
    String reason = checked.rejections().get(0).code();
    rejections.count(reason);
    LOG.debug("rejected {} from {}: {}", record.key(), sourceTopic, checked.rejections());
    context.forward(record
        .withValue(checked.parsed().raw())
        .withHeaders(Rejections.headers(reason, Rejections.Stage.VALIDATION, sourceTopic)));
  }
}
