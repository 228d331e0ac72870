package io.phasewatch.cli.diagnose;

import io.phasewatch.cli.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;

/**
 * Where a panel's text comes from: a file path, or {@code bundled:NAME} for a file of the
 * offline snapshot embedded in the jar (data/bundled, see data/ATTRIBUTION.md).
 */
public final class Sources {
  public static final String BUNDLED_PREFIX = "bundled:";
  static final String BUNDLED_DIR = "/io/phasewatch/data/";
  public static final String BUNDLED_BASE = BUNDLED_PREFIX + "base_models.csv";
  public static final String BUNDLED_PAPER_PANEL = BUNDLED_PREFIX + "paper_panel.csv";
  public static final String BUNDLED_FRONTIER = BUNDLED_PREFIX + "frontier.csv";

  private Sources() {}

  /** The UTF-8 text of {@code source}; a missing or unreadable source is a one-line error. */
  public static String read(String source) {
    byte[] bytes;
    if (source.startsWith(BUNDLED_PREFIX)) {
      String name = source.substring(BUNDLED_PREFIX.length());
      try (InputStream in = name.contains("/") ? null
          : Sources.class.getResourceAsStream(BUNDLED_DIR + name)) {
        if (in == null) {
          throw new UserInputException(source + ": no such bundled file (the jar has "
              + "base_models.csv, paper_panel.csv, frontier.csv, frontier_epoch_2026-01.csv, "
              + "frontier_epoch_2026-04.csv)");
        }
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UserInputException(source + ": cannot read (" + e.getMessage() + ")", e);
      }
    } else {
      Path p = Path.of(source);
      if (Files.isDirectory(p)) {
        throw new UserInputException(source + ": is a directory, expected a CSV file");
      }
      try {
        bytes = Files.readAllBytes(p);
      } catch (NoSuchFileException e) {
        throw new UserInputException(source + ": no such file", e);
      } catch (IOException e) {
        throw new UserInputException(source + ": cannot read (" + e + ")", e);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UserInputException(source + ": not UTF-8 text", e);
    }
  }
}
