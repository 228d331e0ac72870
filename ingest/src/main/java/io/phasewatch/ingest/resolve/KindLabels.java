package io.phasewatch.ingest.resolve;

import io.phasewatch.core.domain.ModelKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a feed's type column into a {@link ModelKind}. Knows the Open LLM Leaderboard
 * vocabularies (v1: "🟢 pretrained", "🟩 continuously pretrained", "🔶 fine-tuned on
 * domain-specific datasets", "💬 chat models (RLHF, DPO, IFT, ...)", "🤝 base merges and
 * moerges", or the emoji alone; v2: pretrained, continuouslypretrained, chatmodels,
 * fine-tunedondomain-specificdatasets, basemergesandmoerges, multimodal) and the kind ids
 * themselves (base, instruct, chat, merge).
 *
 * <p>Fine-tuned models count as {@code instruct}: the kinds have no separate fine-tune, and
 * what matters downstream is that they are not base models.
 */
public final class KindLabels {
  private KindLabels() {}

  /** The kind a label names; empty for a blank or unknown label. */
  public static Optional<ModelKind> kindOf(String label) {
    if (label == null || label.isBlank()) {
      return Optional.empty();
    }
    String l = label.trim().toLowerCase(Locale.ROOT);
    if (l.startsWith("🟢") || l.startsWith("🟩") || l.contains("pretrained") || l.equals("base")) {
      return Optional.of(ModelKind.BASE);
    }
    if (l.startsWith("🤝") || l.contains("merge")) {
      return Optional.of(ModelKind.MERGE);
    }
    if (l.startsWith("💬") || l.contains("chat")) {
      return Optional.of(ModelKind.CHAT);
    }
    if (l.startsWith("🔶") || l.contains("fine-tuned") || l.contains("finetuned") || l.equals("instruct")) {
      return Optional.of(ModelKind.INSTRUCT);
    }
    return Optional.empty();
  }
}
