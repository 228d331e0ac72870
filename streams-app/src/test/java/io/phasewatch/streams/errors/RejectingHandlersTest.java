package io.phasewatch.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class RejectingHandlersTest {
  private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);
  private static final byte[] VALUE = "{broken".getBytes(StandardCharsets.UTF_8);

  private static ErrorHandlerContext context() {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return "phasewatch.scores.v1";
      }

      @Override
      public int partition() {
        return 0;
      }

      @Override
      public long offset() {
        return 7;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "family-diagnose";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 0);
      }

      @Override
      public long timestamp() {
        return 0;
      }

      @Override
      public byte[] sourceRawKey() {
        return KEY;
      }

      @Override
      public byte[] sourceRawValue() {
        return VALUE;
      }
    };
  }

  private static String header(ProducerRecord<byte[], byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void processingFailureResumesAndSendsTheSourceBytesToRejected() {
    Rejections rejections = new Rejections();
    RejectingProcessingHandler handler = new RejectingProcessingHandler();
    handler.configure(Map.of(Rejections.CONFIG_KEY, rejections,
        Rejections.TOPIC_CONFIG_KEY, "phasewatch.rejected.v1"));
    ProcessingExceptionHandler.Response response = handler.handleError(context(),
        new Record<>("k", "v", 0L), new IllegalStateException("boom"));
    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(r -> {
      assertThat(r.topic()).isEqualTo("phasewatch.rejected.v1");
      assertThat(r.key()).isEqualTo(KEY);
      assertThat(r.value()).isEqualTo(VALUE);
      assertThat(header(r, "reason")).isEqualTo("processing_failed");
      assertThat(header(r, "stage")).isEqualTo("processing");
      assertThat(header(r, "source")).isEqualTo("phasewatch.scores.v1");
    });
    assertThat(rejections.counts()).isEqualTo(Map.of("processing_failed", 1L));
  }

  @Test
  void unreadableRecordResumesAndIsCounted() {
    Rejections rejections = new Rejections();
    RejectingDeserializationHandler handler = new RejectingDeserializationHandler();
    handler.configure(Map.of(Rejections.CONFIG_KEY, rejections,
        Rejections.TOPIC_CONFIG_KEY, "phasewatch.rejected.v1"));
    DeserializationExceptionHandler.Response response = handler.handleError(context(),
        new ConsumerRecord<>("phasewatch.scores.v1", 0, 7, KEY, VALUE),
        new org.apache.kafka.common.errors.SerializationException("bad"));
    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(r -> {
      assertThat(r.value()).isEqualTo(VALUE);
      assertThat(header(r, "stage")).isEqualTo("deserialization");
    });
    assertThat(rejections.counts()).isEqualTo(Map.of("malformed", 1L));
  }
}
