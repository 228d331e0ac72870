package io.phasewatch.cli.fault;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another class's {@code main} in a child JVM and halts the JVM when its standard input
 * closes, that is when the test JVM that started it is gone: a child must never outlive the
 * test run, even when the test JVM itself is killed before its {@code @AfterAll} runs.
 *
 * <p>{@code java -cp … io.phasewatch.cli.fault.OrphanGuard MAIN_CLASS ARGS…}
 */
public final class OrphanGuard {
  private OrphanGuard() {}

  public static void main(String[] args) throws Exception {
    Thread guard = new Thread(() -> {
      try (InputStream in = System.in) {
        while (in.read() >= 0) {
          // nothing is sent; read until the parent's end of the pipe closes
        }
      } catch (IOException closed) {
        // the same: the parent is gone
      }
      Runtime.getRuntime().halt(3);
    }, "orphan-guard");
    guard.setDaemon(true);
    guard.start();
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }
}
