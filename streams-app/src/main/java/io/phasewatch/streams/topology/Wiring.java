package io.phasewatch.streams.topology;

import io.phasewatch.core.diagnosis.DiagnosisConfig;
import io.phasewatch.streams.config.StreamsSettings;
import io.phasewatch.streams.errors.Rejections;
import io.phasewatch.streams.state.Points;
import org.apache.kafka.streams.StreamsBuilder;

/** What every stage is built with. */
record Wiring(StreamsBuilder builder, Topics topics, StreamsSettings settings,
    DiagnosisConfig diagnosisConfig, Points points, Rejections rejections,
    TopologyListener listener) {}
