package io.phasewatch.cli.diagnose;

import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.FrontierRelease;
import io.phasewatch.core.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the two panel formats of {@code phasewatch diagnose} (the public contract).
 *
 * <p>Base panel: {@code model,family,params_b,hellaswag,truthfulqa} required;
 * {@code arc,winogrande,mmlu,gsm8k,d_model} optional. Frontier cohort:
 * {@code model,lab,swe_bench_verified,gpqa_diamond} required; {@code release_date} (ISO date),
 * {@code hle,ifeval} optional. Other columns are ignored. Scores are percentages (0–100).
 *
 * <p>A row with any unusable value is skipped and reported as a {@link Rejection}; an empty
 * optional cell just means "not known".
 */
public final class PanelCsv {
  public static final List<String> BASE_REQUIRED =
      List.of("model", "family", "params_b", "hellaswag", "truthfulqa");
  public static final List<String> BASE_EXTRA_AXES = List.of("arc", "winogrande", "mmlu", "gsm8k");
  public static final List<String> FRONTIER_REQUIRED =
      List.of("model", "lab", "swe_bench_verified", "gpqa_diamond");
  public static final List<String> FRONTIER_EXTRA_AXES = List.of("hle", "ifeval");

  /** The same limits as core.validation applies to records on the topics. */
  static final int MAX_NAME_LENGTH = Validator.MAX_ID_LENGTH;
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("\\+?\\d{1,9}");

  private PanelCsv() {}

  /** What one file gave: the usable rows and the skipped ones. */
  public record Read<T>(String file, int rows, List<T> accepted, List<Rejection> rejected) {
    public Read {
      accepted = List.copyOf(accepted);
      rejected = List.copyOf(rejected);
    }
  }

  /** Reads a base-model panel. */
  public static Read<BaseModelPoint> base(String file, String text) {
    CsvTable t = CsvTable.parse(file, text);
    t.requireColumns(BASE_REQUIRED);
    return readRows(t, (cells) -> {
      String model = cells.name("model");
      String family = cells.name("family");
      double params = cells.positive("params_b");
      double hs = cells.percent("hellaswag");
      double tqa = cells.percent("truthfulqa");
      Map<String, Double> extra = new TreeMap<>();
      for (String axis : BASE_EXTRA_AXES) {
        cells.optionalPercent(axis).ifPresent(v -> extra.put(axis, v));
      }
      OptionalInt dModel = cells.optionalPositiveInt("d_model");
      return new BaseModelPoint(model, family, params, hs, tqa, dModel, extra);
    }, BaseModelPoint::model);
  }

  /** Reads a frontier cohort; a release date after {@code today} is rejected as a typo. */
  public static Read<FrontierRelease> frontier(String file, String text, LocalDate today) {
    CsvTable t = CsvTable.parse(file, text);
    t.requireColumns(FRONTIER_REQUIRED);
    return readRows(t, (cells) -> {
      String model = cells.name("model");
      String lab = cells.name("lab");
      double swe = cells.percent("swe_bench_verified");
      double gpqa = cells.percent("gpqa_diamond");
      Optional<LocalDate> date = cells.optionalDate("release_date", today);
      Map<String, Double> extra = new TreeMap<>();
      for (String axis : FRONTIER_EXTRA_AXES) {
        cells.optionalPercent(axis).ifPresent(v -> extra.put(axis, v));
      }
      return new FrontierRelease(model, lab, date, swe, gpqa, extra);
    }, FrontierRelease::model);
  }

  private interface RowReader<T> {
    T read(Cells cells);
  }

  private interface Key<T> {
    String of(T value);
  }

  private static <T> Read<T> readRows(CsvTable t, RowReader<T> reader, Key<T> key) {
    List<T> accepted = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (CsvTable.Row row : t.rows()) {
      try {
        if (row.cells().size() != t.header().size()) {
          throw new BadField("row", "has " + row.cells().size() + " fields, the header has "
              + t.header().size());
        }
        T value = reader.read(new Cells(t, row));
        String k = key.of(value).toLowerCase(Locale.ROOT);
        Integer first = firstLine.putIfAbsent(k, row.line());
        if (first != null) {
          throw new BadField("model", "duplicate of the row at line " + first);
        }
        accepted.add(value);
      } catch (BadField e) {
        rejected.add(new Rejection(t.file(), row.line(), e.field, e.getMessage()));
      }
    }
    return new Read<>(t.file(), t.rows().size(), accepted, rejected);
  }

  /** The cells of one row, parsed field by field; any problem is a {@link BadField}. */
  private static final class Cells {
    private final CsvTable table;
    private final CsvTable.Row row;

    Cells(CsvTable table, CsvTable.Row row) {
      this.table = table;
      this.row = row;
    }

    String name(String field) {
      String v = table.cell(row, field).orElseThrow(() -> new BadField(field, "missing value"));
      if (v.length() > MAX_NAME_LENGTH) {
        throw new BadField(field, "longer than " + MAX_NAME_LENGTH + " characters");
      }
      return v;
    }

    double positive(String field) {
      double v = number(field, table.cell(row, field)
          .orElseThrow(() -> new BadField(field, "missing value")));
      if (v <= 0) {
        throw new BadField(field, "must be positive, got " + v);
      }
      if (v > Validator.MAX_PARAMS_B) {
        throw new BadField(field, String.format(Locale.ROOT,
            "above %.0f: params_b is in billions, not a raw count (got %s)", Validator.MAX_PARAMS_B, v));
      }
      return v;
    }

    double percent(String field) {
      return checkPercent(field, number(field, table.cell(row, field)
          .orElseThrow(() -> new BadField(field, "missing value"))));
    }

    OptionalDouble optionalPercentValue(String field) {
      Optional<String> raw = table.cell(row, field);
      return raw.isEmpty()
          ? OptionalDouble.empty()
          : OptionalDouble.of(checkPercent(field, number(field, raw.get())));
    }

    Optional<Double> optionalPercent(String field) {
      OptionalDouble v = optionalPercentValue(field);
      return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
    }

    OptionalInt optionalPositiveInt(String field) {
      Optional<String> raw = table.cell(row, field);
      if (raw.isEmpty()) {
        return OptionalInt.empty();
      }
      if (!INTEGER.matcher(raw.get()).matches()) {
        throw new BadField(field, "not a whole number: '" + raw.get() + "'");
      }
      int v = Integer.parseInt(raw.get());
      if (v <= 0) {
        throw new BadField(field, "must be positive, got " + v);
      }
      return OptionalInt.of(v);
    }

    Optional<LocalDate> optionalDate(String field, LocalDate today) {
      Optional<String> raw = table.cell(row, field);
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      LocalDate d;
      try {
        d = LocalDate.parse(raw.get());
      } catch (DateTimeParseException e) {
        throw new BadField(field, "not an ISO date (YYYY-MM-DD): '" + raw.get() + "'");
      }
      if (d.isAfter(today)) {
        throw new BadField(field, "in the future: " + d);
      }
      return Optional.of(d);
    }

    private static double number(String field, String raw) {
      if (!DECIMAL.matcher(raw).matches()) {
        throw new BadField(field, "not a number: '" + raw + "'");
      }
      double v = Double.parseDouble(raw);
      if (!Double.isFinite(v)) {
        throw new BadField(field, "not a finite number: '" + raw + "'");
      }
      return v;
    }

    private static double checkPercent(String field, double v) {
      if (v < 0 || v > 100) {
        throw new BadField(field, "out of range 0–100 (percent): " + v);
      }
      return v;
    }
  }

  private static final class BadField extends RuntimeException {
    final String field;

    BadField(String field, String reason) {
      super(reason, null, false, false);
      this.field = field;
    }
  }
}
