package io.phasewatch.ingest.resolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phasewatch.ingest.feed.Yaml;
import io.phasewatch.core.domain.ModelKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ordered rules from model id to family: the first rule whose pattern is found in the canonical
 * id wins. A rule may also state the kind (official base-model repositories). Loaded from YAML
 * ({@code families.yaml} in this package is the default), so a mis-filed model is fixed by
 * editing a file.
 */
public final class FamilyRules {
  private static final ObjectMapper YAML = Yaml.mapper();

  /** One rule as written in a rules file or a feed file. */
  public record Rule(String pattern, String family, Optional<ModelKind> kind) {
    public Rule {
      if (pattern == null || pattern.isBlank() || family == null || family.isBlank()) {
        throw new IllegalArgumentException("a family rule needs a pattern and a family");
      }
      kind = kind == null ? Optional.empty() : kind;
    }
  }

  /** What a rule decided, with the rule named for provenance. */
  public record Match(String family, Optional<ModelKind> kind, String provenance) {}

  private record File(List<Rule> rules) {}

  private record Compiled(Rule rule, Pattern pattern, String origin, int index) {}

  private final List<Compiled> rules;

  private FamilyRules(List<Compiled> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules shipped with phasewatch. */
  public static FamilyRules defaults() {
    try (InputStream in = FamilyRules.class.getResourceAsStream("families.yaml")) {
      return of(YAML.readValue(in, File.class).rules(), "families.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException("bundled families.yaml unreadable", e);
    }
  }

  public static FamilyRules load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(YAML.readValue(in, File.class).rules(), file.getFileName().toString());
    }
  }

  /**
   * Rules in the given order.
   *
   * @param origin how provenance names where they come from (a file name, a feed id)
   * @throws IllegalArgumentException if a pattern is not a valid regular expression
   */
  public static FamilyRules of(List<Rule> rules, String origin) {
    List<Compiled> compiled = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      compiled.add(new Compiled(r, Pattern.compile(r.pattern(), Pattern.CASE_INSENSITIVE), origin, i + 1));
    }
    return new FamilyRules(compiled);
  }

  /** These rules first, then {@code fallback}'s. */
  public FamilyRules then(FamilyRules fallback) {
    List<Compiled> all = new ArrayList<>(rules);
    all.addAll(fallback.rules);
    return new FamilyRules(all);
  }

  public Optional<Match> match(String canonicalId) {
    for (Compiled c : rules) {
      if (c.pattern().matcher(canonicalId).find()) {
        return Optional.of(new Match(c.rule().family(), c.rule().kind(),
            "rule " + c.index() + " of " + c.origin() + " (" + c.rule().pattern() + ")"));
      }
    }
    return Optional.empty();
  }

  public int size() {
    return rules.size();
  }
}
