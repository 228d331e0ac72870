package io.phasewatch.cli.diagnose;

/**
 * A row that was skipped, and why: reported on stderr, counted in the summary and listed under
 * {@code rejected} in {@code diagnose --json}.
 *
 * @param file the file as given on the command line ({@code bundled:NAME} for bundled data)
 * @param line 1-based line on which the row starts
 * @param field the column at fault, or {@code row} when the row as a whole is
 */
public record Rejection(String file, int line, String field, String reason) {
  @Override
  public String toString() {
    return file + ":" + line + ": field '" + field + "': " + reason;
  }
}
