package io.phasewatch.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the phasewatch topics that do not exist yet; running it again changes nothing. */
public final class TopicCreator {
  private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

  private TopicCreator() {}

  /**
   * Creates each missing topic with its cleanup policy ({@link Topics.Spec#configs}).
   *
   * @param replicationFactor empty for the broker's default
   * @return the names of the topics this call created
   */
  public static List<String> ensure(Admin admin, Topics topics, int partitions,
                                    Optional<Short> replicationFactor) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (Topics.Spec spec : topics.all()) {
        if (!existing.contains(spec.name())) {
          missing.add(new NewTopic(spec.name(), Optional.of(partitions), replicationFactor)
              .configs(spec.configs()));
        }
      }
      List<String> created = new ArrayList<>();
      Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
      for (Map.Entry<String, KafkaFuture<Void>> e : results.entrySet()) {
        try {
          e.getValue().get(30, TimeUnit.SECONDS);
          created.add(e.getKey());
        } catch (ExecutionException ex) {
          if (!(ex.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + e.getKey(), ex.getCause());
          }
        }
      }
      if (!created.isEmpty()) {
        LOG.info("Created topics {}", created);
      }
      return created;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot list or create topics: " + e.getMessage(), e);
    }
  }
}
