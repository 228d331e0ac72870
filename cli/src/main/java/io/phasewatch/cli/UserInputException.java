package io.phasewatch.cli;

/**
 * An input problem the user must fix (missing file, missing required column): reported as one
 * line on stderr with exit code {@link Main#EXIT_INPUT}, never as a stack trace.
 */
public final class UserInputException extends RuntimeException {
  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
