package io.phasewatch.ingest.collect;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CSV text with a header row, read row by row with each row's starting line and original
 * text (for rejections). Rows whose cell count differs from the header's are reported as
 * malformed, not guessed at.
 */
final class CsvTable {
  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .build();

  /** A row: its first line, its text as in the source, and its cells by header name. */
  record Row(long line, String original, Map<String, String> cells) {
    /** The trimmed cell, empty when blank. */
    Optional<String> cell(String column) {
      String v = cells.get(column);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
  }

  private final List<String> header;
  private final List<Row> rows;
  private final List<Rejection> malformed;

  private CsvTable(List<String> header, List<Row> rows, List<Rejection> malformed) {
    this.header = header;
    this.rows = rows;
    this.malformed = malformed;
  }

  List<String> header() {
    return header;
  }

  List<Row> rows() {
    return rows;
  }

  List<Rejection> malformed() {
    return malformed;
  }

  /** Fails unless every named column is in the header. */
  void require(String format, List<String> columns) throws CollectException {
    Set<String> have = new HashSet<>(header);
    List<String> missing = columns.stream().filter(c -> !have.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new CollectException("not a " + format + " table: missing column(s) " + missing
          + " (header has " + header + ")");
    }
  }

  static CsvTable read(String text, String feedId) throws CollectException {
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    List<Rejection> malformed = new ArrayList<>();
    long startLine = 1;
    int startChar = 0;
    int previousEnd = 0;
    int countedTo = 0;
    long line = 1;
    List<String> cells = null;
    try (CsvParser p = (CsvParser) CSV.getFactory().createParser(text)) {
      JsonToken t;
      while (true) {
        try {
          t = p.nextToken();
        } catch (IOException e) {
          // a broken quote swallows the rest of the file: reject it from here on, keep the rest
          String rest = text.substring(Math.min(startChar, text.length()));
          malformed.add(Rejection.parse(RejectReason.MALFORMED_ROW, startLine, feedId, rest,
              "unreadable CSV from line " + startLine + ": " + e.getMessage()));
          break;
        }
        if (t == null) {
          break;
        }
        if (t == JsonToken.START_ARRAY) {
          // a row starts where the previous one ended, after its line break
          startChar = previousEnd;
          while (startChar < text.length() && (text.charAt(startChar) == '\n' || text.charAt(startChar) == '\r')) {
            startChar++;
          }
          for (; countedTo < startChar; countedTo++) {
            if (text.charAt(countedTo) == '\n') {
              line++;
            }
          }
          startLine = line;
          cells = new ArrayList<>();
        } else if (t == JsonToken.VALUE_STRING && cells != null) {
          cells.add(p.getText());
        } else if (t == JsonToken.END_ARRAY && cells != null) {
          // (the parser may close the last row twice at the end of input)
          int endChar = (int) Math.min(text.length(), Math.max(startChar, p.currentLocation().getCharOffset()));
          previousEnd = endChar;
          String original = originalText(text, startChar, endChar);
          List<String> row = cells;
          cells = null;
          if (header == null) {
            header = List.copyOf(row);
          } else if (row.size() == 1 && row.get(0).isBlank()) {
            continue;
          } else if (row.size() != header.size()) {
            malformed.add(Rejection.parse(RejectReason.MALFORMED_ROW, startLine, feedId, original,
                row.size() + " cells where the header has " + header.size()));
          } else {
            Map<String, String> byName = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
              byName.put(header.get(i), row.get(i));
            }
            rows.add(new Row(startLine, original, byName));
          }
        }
      }
    } catch (IOException e) {
      throw new CollectException("cannot read CSV: " + e.getMessage(), e);
    }
    if (header == null) {
      throw new CollectException("empty CSV: no header row");
    }
    return new CsvTable(header, rows, malformed);
  }

  private static String originalText(String text, int from, int to) {
    String s = text.substring(from, to);
    return s.replaceAll("[\\r\\n]+$", "");
  }
}
