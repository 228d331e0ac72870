package io.phasewatch.cli.diagnose;

import io.phasewatch.cli.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file as a header and rows that remember their line numbers, so that every message can
 * name file, line and field. Header names are matched case-insensitively and trimmed; a leading
 * UTF-8 byte-order mark, blank lines and {@code #} comment lines are ignored; fields may be quoted
 * (RFC 4180).
 */
final class CsvTable {
  /** One data row; {@code line} is the 1-based line on which it starts. */
  record Row(int line, List<String> cells) {}

  private final String file;
  private final List<String> header;
  private final Map<String, Integer> columns;
  private final List<Row> rows;

  private CsvTable(String file, List<String> header, Map<String, Integer> columns, List<Row> rows) {
    this.file = file;
    this.header = header;
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * Parses {@code text} read from {@code file} (the name is only used in messages).
   *
   * @throws UserInputException when the file has no header, repeats a column or is not CSV
   */
  static CsvTable parse(String file, String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Row> all = records(file, body);
    if (all.isEmpty()) {
      throw new UserInputException(file + ": empty file, expected a header line");
    }
    Row head = all.get(0);
    List<String> header = new ArrayList<>();
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < head.cells().size(); i++) {
      String name = head.cells().get(i).trim().toLowerCase(Locale.ROOT);
      header.add(name);
      if (name.isEmpty()) {
        continue;
      }
      Integer previous = columns.putIfAbsent(name, i);
      if (previous != null) {
        throw new UserInputException(file + ":" + head.line() + ": column '" + name
            + "' appears twice in the header");
      }
    }
    return new CsvTable(file, List.copyOf(header), columns, List.copyOf(all.subList(1, all.size())));
  }

  /**
   * Splits RFC 4180 text into records: fields separated by commas, records by CR, LF or CRLF; a
   * field starting with a double quote runs to the matching quote, may contain commas and line
   * breaks, and writes a quote as two. Outside quotes, blank lines and lines starting with
   * {@code #} are skipped.
   */
  private static List<Row> records(String file, String s) {
    List<Row> rows = new ArrayList<>();
    int i = 0;
    int line = 1;
    int n = s.length();
    while (i < n) {
      int lineEnd = endOfLine(s, i);
      String physical = s.substring(i, lineEnd);
      if (physical.isBlank() || physical.startsWith("#")) {
        i = skipNewline(s, lineEnd);
        line++;
        continue;
      }
      int recordLine = line;
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean endOfRecord = false;
      while (!endOfRecord) {
        if (i < n && s.charAt(i) == '"') {
          int opened = line;
          i++;
          while (true) {
            if (i >= n) {
              throw new UserInputException(file + ":" + opened
                  + ": not a readable CSV file (a quoted field opened here is never closed)");
            }
            char c = s.charAt(i);
            if (c == '"') {
              if (i + 1 < n && s.charAt(i + 1) == '"') {
                cell.append('"');
                i += 2;
                continue;
              }
              i++;
              break;
            }
            if (c == '\n' || (c == '\r' && (i + 1 >= n || s.charAt(i + 1) != '\n'))) {
              line++;
            }
            cell.append(c);
            i++;
          }
          while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
          }
          if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            throw new UserInputException(file + ":" + line
                + ": not a readable CSV file (text after the closing quote of a field)");
          }
        } else {
          while (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            cell.append(s.charAt(i));
            i++;
          }
        }
        cells.add(cell.toString());
        cell.setLength(0);
        if (i < n && s.charAt(i) == ',') {
          i++;
        } else {
          endOfRecord = true;
          if (i < n) {
            i = skipNewline(s, i);
            line++;
          }
        }
      }
      rows.add(new Row(recordLine, List.copyOf(cells)));
    }
    return rows;
  }

  private static int endOfLine(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static int skipNewline(String s, int at) {
    if (at < s.length() && s.charAt(at) == '\r') {
      at++;
    }
    if (at < s.length() && s.charAt(at) == '\n') {
      at++;
    }
    return at;
  }

  String file() {
    return file;
  }

  List<Row> rows() {
    return rows;
  }

  List<String> header() {
    return header;
  }

  boolean has(String column) {
    return columns.containsKey(column);
  }

  /** Fails with one line naming the file and every missing column. */
  void requireColumns(List<String> required) {
    List<String> missing = required.stream().filter(c -> !has(c)).toList();
    if (!missing.isEmpty()) {
      throw new UserInputException(file + ": missing required column"
          + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
          + " (header: " + String.join(",", header) + ")");
    }
  }

  /** The trimmed cell of {@code column} in {@code row}; empty when the column or cell is absent or blank. */
  Optional<String> cell(Row row, String column) {
    Integer i = columns.get(column);
    if (i == null || i >= row.cells().size()) {
      return Optional.empty();
    }
    String v = row.cells().get(i).trim();
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }
}
