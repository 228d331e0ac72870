package io.phasewatch.cli.run;

import io.phasewatch.cli.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a run keeps between runs, under one directory: the embedded broker's log ({@code
 * kafka/}), the Kafka Streams state ({@code streams/}), the ingest checkpoints ({@code
 * ingest/}) and the bundled feeds extracted from the jar ({@code bundled/}). A marker file says
 * the directory is a run's, so that {@code --fresh} never empties anything else.
 *
 * <p>Without {@code --state-dir} the directory is temporary and deleted by {@link #close()}:
 * every run then starts from nothing.
 */
public final class StateDirectory implements AutoCloseable {
  static final String MARKER = ".phasewatch-run";

  private final Path root;
  private final boolean temporary;
  private final boolean resumed;

  private StateDirectory(Path root, boolean temporary, boolean resumed) {
    this.root = root;
    this.temporary = temporary;
    this.resumed = resumed;
  }

  /** A fresh temporary directory, deleted on {@link #close()}. */
  public static StateDirectory temporary() {
    try {
      Path dir = Files.createTempDirectory("phasewatch-run-");
      Files.createFile(dir.resolve(MARKER));
      return new StateDirectory(dir, true, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code dir}, kept after the run. With {@code fresh} its earlier contents are deleted first;
   * a directory that is neither empty nor a run's is refused.
   */
  public static StateDirectory at(Path dir, boolean fresh) {
    Path root = dir.toAbsolutePath().normalize();
    try {
      boolean exists = Files.isDirectory(root);
      if (Files.exists(root) && !exists) {
        throw new UserInputException("--state-dir " + dir + " is a file, not a directory");
      }
      boolean marked = exists && Files.exists(root.resolve(MARKER));
      if (exists && !marked && !isEmpty(root)) {
        throw new UserInputException("--state-dir " + dir + " is not empty and holds no earlier "
            + "phasewatch run (no " + MARKER + " file): choose an empty or new directory");
      }
      if (fresh && marked) {
        deleteContents(root);
      }
      Files.createDirectories(root);
      boolean resumed = marked && !fresh;
      if (!Files.exists(root.resolve(MARKER))) {
        Files.createFile(root.resolve(MARKER));
      }
      return new StateDirectory(root, false, resumed);
    } catch (IOException e) {
      throw new UserInputException("--state-dir " + dir + ": " + e.getMessage(), e);
    }
  }

  public Path root() {
    return root;
  }

  public boolean isTemporary() {
    return temporary;
  }

  /** Whether an earlier run left its state here (and {@code --fresh} was not given). */
  public boolean resumed() {
    return resumed;
  }

  public Path kafka() {
    return root.resolve("kafka");
  }

  public Path streams() {
    return root.resolve("streams");
  }

  public Path ingest() {
    return root.resolve("ingest");
  }

  public Path bundled() {
    return root.resolve("bundled");
  }

  /** Deletes the directory if it is temporary. */
  @Override
  public void close() {
    if (temporary) {
      deleteRecursively(root);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void deleteContents(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        deleteRecursively(p);
      }
    }
  }

  static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
