package io.phasewatch.streams.errors;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record whose key or value cannot be read to the rejected topic, byte for byte, with
 * stage {@code deserialization}, and resumes. The record goes out in the task's transaction, so
 * under exactly-once it is rejected exactly once.
 */
public final class RejectingDeserializationHandler extends RejectingHandler
    implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RejectingDeserializationHandler.class);

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
      Exception exception) {
    String reason = Rejections.REASON_MALFORMED;
    rejections.count(reason);
    LOG.warn("rejected unreadable record {}-{}@{}: {}", context.topic(), context.partition(),
        context.offset(), exception.getMessage());
    return Response.resume(List.of(Rejections.record(rejectedTopic, record.key(), record.value(),
        reason, Rejections.Stage.DESERIALIZATION, context.topic())));
  }
}
