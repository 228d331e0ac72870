package io.phasewatch.streams.errors;

import java.util.List;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the source record whose processing threw to the rejected topic (the original bytes of
 * the input record, as {@link ErrorHandlerContext} keeps them) with stage {@code processing} and
 * the processor node in the reason's log line, and resumes.
 */
public final class RejectingProcessingHandler extends RejectingHandler
    implements ProcessingExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RejectingProcessingHandler.class);

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record,
      Exception exception) {
    String reason = Rejections.REASON_PROCESSING_FAILED;
    rejections.count(reason);
    LOG.warn("rejected record {}-{}@{} failing in {}: {}", context.topic(), context.partition(),
        context.offset(), context.processorNodeId(), exception.toString());
    String source = context.topic() == null ? context.processorNodeId() : context.topic();
    return Response.resume(List.of(Rejections.record(rejectedTopic, context.sourceRawKey(),
        context.sourceRawValue(), reason, Rejections.Stage.PROCESSING, source)));
  }
}
