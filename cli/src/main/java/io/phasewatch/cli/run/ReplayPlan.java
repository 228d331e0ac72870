package io.phasewatch.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phasewatch.core.domain.Json;
import io.phasewatch.core.domain.ModelRecord;
import io.phasewatch.core.domain.ScoreRecord;
import io.phasewatch.ingest.publish.Outgoing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The messages of a replay in date order, so that the history of phase changes unfolds as it
 * happened: a score on the day it was evaluated ({@code evaluated_at}), else on its model's
 * release date; a model record on its release date, else on the day of its first dated score,
 * and never after its own scores. What has no date at all (and rejections) goes first, as
 * "known before the history starts". Within a day models come before scores, then by key, so
 * the plan is the same for the same messages in any order.
 */
public final class ReplayPlan {
  private ReplayPlan() {}

  /**
   * One moment of the replay.
   *
   * @param date empty for the undated messages, sent first
   */
  public record Step(Optional<LocalDate> date, List<Outgoing> messages) {
    public Step {
      messages = List.copyOf(messages);
    }
  }

  /** The steps, undated first, then by date. */
  public static List<Step> of(List<Outgoing> messages) {
    ObjectMapper json = Json.mapper();
    Map<String, LocalDate> release = new HashMap<>();
    Map<String, LocalDate> firstScore = new HashMap<>();
    List<Dated> dated = new ArrayList<>();
    List<Read> read = new ArrayList<>();
    for (Outgoing m : messages) {
      Read r = Read.of(json, m);
      read.add(r);
      r.model().flatMap(ModelRecord::releaseDate).ifPresent(d -> release.put(r.modelId(), d));
      r.score().flatMap(ScoreRecord::evaluatedAt)
          .map(i -> i.atZone(ZoneOffset.UTC).toLocalDate())
          .ifPresent(d -> firstScore.merge(r.modelId(), d, (a, b) -> a.isBefore(b) ? a : b));
    }
    for (Read r : read) {
      Optional<LocalDate> modelDate = Optional.ofNullable(release.get(r.modelId()))
          .or(() -> Optional.ofNullable(firstScore.get(r.modelId())));
      Optional<LocalDate> date = switch (r.message().destination()) {
        case MODELS -> {
          Optional<LocalDate> first = Optional.ofNullable(firstScore.get(r.modelId()));
          yield modelDate.map(d -> first.filter(f -> f.isBefore(d)).orElse(d));
        }
        case SCORES -> r.score().flatMap(ScoreRecord::evaluatedAt)
            .map(i -> i.atZone(ZoneOffset.UTC).toLocalDate()).or(() -> modelDate);
        case REJECTED -> Optional.empty();
      };
      dated.add(new Dated(date, r.message()));
    }
    Comparator<Dated> order = Comparator
        .comparing((Dated d) -> d.date().orElse(LocalDate.MIN))
        .thenComparing(d -> d.message().destination() == Outgoing.Destination.MODELS ? 0 : 1)
        .thenComparing(d -> d.message().destination())
        .thenComparing(d -> d.message().key());
    dated.sort(order);
    Map<Optional<LocalDate>, List<Outgoing>> byDate = new TreeMap<>(
        Comparator.comparing((Optional<LocalDate> d) -> d.orElse(LocalDate.MIN)));
    for (Dated d : dated) {
      byDate.computeIfAbsent(d.date(), k -> new ArrayList<>()).add(d.message());
    }
    List<Step> steps = new ArrayList<>();
    byDate.forEach((date, ms) -> steps.add(new Step(date, ms)));
    return steps;
  }

  private record Dated(Optional<LocalDate> date, Outgoing message) {}

  /** A message with what its value says (a tombstone says nothing: its key names the model). */
  private record Read(Outgoing message, String modelId, Optional<ModelRecord> model,
      Optional<ScoreRecord> score) {
    static Read of(ObjectMapper json, Outgoing m) {
      try {
        switch (m.destination()) {
          case MODELS -> {
            Optional<ModelRecord> model = m.value().isEmpty() ? Optional.empty()
                : Optional.of(json.readValue(m.value().get(), ModelRecord.class));
            // keyed source|model_id (or model_id alone)
            String id = model.map(ModelRecord::modelId)
                .orElse(m.key().substring(m.key().lastIndexOf('|') + 1));
            return new Read(m, id, model, Optional.empty());
          }
          case SCORES -> {
            Optional<ScoreRecord> score = m.value().isEmpty() ? Optional.empty()
                : Optional.of(json.readValue(m.value().get(), ScoreRecord.class));
            String[] key = m.key().split("\\|", -1);
            String model = score.map(ScoreRecord::modelId)
                .orElse(key.length > 1 ? key[1] : m.key());
            return new Read(m, model, Optional.empty(), score);
          }
          default -> {
            return new Read(m, "", Optional.empty(), Optional.empty());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable " + m.destination() + " record " + m.key(), e);
      }
    }
  }
}
