package io.phasewatch.streams.topology;

import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.core.diagnosis.FamilyDiagnosis;
import io.phasewatch.core.diagnosis.FrontierDiagnosis;
import io.phasewatch.core.diagnosis.PanelDiagnosis;
import io.phasewatch.core.domain.ModelProfile;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.core.validation.Validator;
import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.errors.Rejections;
import io.phasewatch.streams.state.Diagnosed;
import io.phasewatch.streams.state.Points;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.KStream;

/**
 * Builds the phasewatch topology of DESIGN.md "The topology, as data flows", separate from the
 * application's {@code main} so that the application and its TopologyTestDriver tests build the
 * same topology from the same settings.
 */
public final class PhasewatchTopology {
  private PhasewatchTopology() {}

  /** The seed of the bootstrap and of the Monte Carlo permutation test (METHOD.md §1.3, §1.4). */
  public static final long SEED = 42L;

  /** {@link #build(StreamsSettings, Rejections, TopologyListener, Computations)}, inline. */
  public static Topology build(StreamsSettings settings, Rejections rejections,
      TopologyListener listener) {
    return build(settings, rejections, listener, Computations.inline());
  }

  /**
   * The topology for {@code settings}. {@code rejections} counts rejected records; {@code listener}
   * hears of every computation, publication and alert (metrics, tests); the debounced diagnoses
   * run on {@code computations}, which the caller closes after the topology's last task.
   */
  public static Topology build(StreamsSettings settings, Rejections rejections,
      TopologyListener listener, Computations computations) {
    StreamsBuilder builder = new StreamsBuilder(topologyConfig(settings, rejections));
    Topics topics = Topics.withPrefix(settings.topicPrefix());
    DiagnosisConfig diagnosisConfig =
        DiagnosisConfig.defaults().withBootstrap(settings.bootstrapResamples(), SEED);
    Wiring w = new Wiring(builder, topics, settings, diagnosisConfig,
        new Points(settings.benchmarks()), rejections, listener, computations);

    Validator validator = Validator.standard();
    KStream<String, ScoreRecord> scores = ScoreStage.scores(builder, topics, validator,
        rejections, listener);
    KStream<String, ModelRecord> models = ScoreStage.models(builder, topics, validator,
        rejections, listener);
    KStream<String, ModelProfile> changes = ProfileStage.profiles(w, scores, models);
    KStream<String, Diagnosed<FamilyDiagnosis>> families = FamilyStage.diagnoses(w, changes);
    KStream<String, Diagnosed<PanelDiagnosis>> panels = PanelStage.diagnoses(w, changes);
    KStream<String, Diagnosed<FrontierDiagnosis>> cohorts = FrontierStage.diagnoses(w, changes);
    DetectorStage.alerts(w, families, panels, cohorts);
    return builder.build();
  }

  /** The topics this topology reads and writes, for {@code settings}. */
  public static Topics topics(StreamsSettings settings) {
    return Topics.withPrefix(settings.topicPrefix());
  }

  private static TopologyConfig topologyConfig(StreamsSettings settings,
      Rejections rejections) {
    Properties p = settings.streamsProperties(rejections);
    return new TopologyConfig(new StreamsConfig(p));
  }
}
