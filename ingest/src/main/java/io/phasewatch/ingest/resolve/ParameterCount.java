package io.phasewatch.ingest.resolve;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameter counts (billions) read from a model's name, for feeds whose metadata has no exact
 * count. Never from a leaderboard's rounded integer column.
 *
 * <p>In order: the table of names without a size ({@code phi-2}); a mixture-of-experts shape
 * ({@code 8x7B}, {@code 17B-16E}), only through the table of public totals, since experts × size
 * over-counts; a size with an underscore for the point ({@code 1_6b} → 1.6); a size token
 * ({@code 410m} → 0.41, {@code 7b} → 7, {@code 0.5B} → 0.5, {@code 1b1} → 1.1). A size token
 * stands alone between separators, so {@code qwen1.5} or {@code v0.1} are not sizes. The first
 * token found wins.
 */
public final class ParameterCount {
  private static final String BEFORE = "(?<![a-z0-9.])";
  private static final String AFTER = "(?![a-z0-9])";
  private static final Pattern MOE = Pattern.compile(
      BEFORE + "(\\d+x\\d+(?:\\.\\d+)?b|\\d+b-\\d+e)" + AFTER);
  private static final Pattern UNDERSCORE_POINT = Pattern.compile(
      "(?<![a-z0-9._])(\\d+)_(\\d+)b" + AFTER);
  private static final Pattern SIZE = Pattern.compile(
      BEFORE + "(\\d+(?:\\.\\d+)?)([mb])(\\d+)?" + AFTER);

  private ParameterCount() {}

  /** The count from the name of {@code modelId} (canonical, {@code org/name}), if it has one. */
  public static Optional<Resolved<Double>> fromName(String modelId, ModelTables tables) {
    String name = repositoryName(modelId).toLowerCase(Locale.ROOT);
    Optional<Double> named = tables.paramsByName(name);
    if (named.isPresent()) {
      return Optional.of(new Resolved<>(named.get(), "table params_by_name[" + name + "]"));
    }
    Matcher moe = MOE.matcher(name);
    if (moe.find()) {
      String shape = moe.group(1);
      return tables.paramsByMoeShape(shape)
          .map(total -> new Resolved<>(total, "table params_by_moe_shape[" + shape + "]"));
    }
    Matcher underscore = UNDERSCORE_POINT.matcher(name);
    if (underscore.find()) {
      double b = new BigDecimal(underscore.group(1) + "." + underscore.group(2)).doubleValue();
      return Optional.of(new Resolved<>(b, "name token " + underscore.group()));
    }
    Matcher size = SIZE.matcher(name);
    if (size.find()) {
      BigDecimal number = new BigDecimal(size.group(1));
      String unit = size.group(2);
      String fraction = size.group(3);
      if (fraction != null) {
        if (!unit.equals("b") || number.scale() > 0) {
          return Optional.empty();
        }
        number = new BigDecimal(size.group(1) + "." + fraction);
      }
      double billions = unit.equals("m") ? number.movePointLeft(3).doubleValue() : number.doubleValue();
      return Optional.of(new Resolved<>(billions, "name token " + size.group()));
    }
    return Optional.empty();
  }

  private static String repositoryName(String modelId) {
    int slash = modelId.lastIndexOf('/');
    return slash < 0 ? modelId : modelId.substring(slash + 1);
  }
}
