package io.phasewatch.cli;

import io.phasewatch.cli.bench.BenchCommand;
import io.phasewatch.cli.diagnose.DiagnoseCommand;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code phasewatch}: the one command of the project (DESIGN.md "One artifact, several roles").
 *
 * <p>To register a subcommand, add its class to {@code subcommands} below; it should declare
 * {@code mixinStandardHelpOptions = true} so that {@code --help} and {@code --version} work on it.
 */
@Command(
    name = "phasewatch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Streaming monitor of phase changes in language-model leaderboards.",
    subcommands = {
        DiagnoseCommand.class,
        IngestCommand.class,
        AlertsCommand.class,
        StreamsCommand.class,
        RunCommand.class,
        BenchCommand.class,
    })
public final class Main implements Runnable {
  /** The command's input was unusable (missing file, missing required column, bad option). */
  public static final int EXIT_INPUT = 2;
  /** An unexpected failure (a bug): message on stderr, stack trace in the DEBUG log. */
  public static final int EXIT_INTERNAL = 1;

  @Spec
  CommandSpec spec;

  /** The libraries' log level under {@code phasewatch run} (log4j2.xml reads it at start). */
  static final String LIBRARIES_LOG_LEVEL = "phasewatch.libraries.log.level";
  /** The embedded broker's log level under {@code phasewatch run}. */
  static final String BROKER_LOG_LEVEL = "phasewatch.broker.log.level";

  public static void main(String[] args) {
    // before anything logs: the commands' classes start logging when picocli builds them
    if (args.length > 0 && args[0].equals("run")) {
      if (System.getProperty(LIBRARIES_LOG_LEVEL) == null) {
        System.setProperty(LIBRARIES_LOG_LEVEL, "ERROR");
      }
      if (System.getProperty(BROKER_LOG_LEVEL) == null) {
        System.setProperty(BROKER_LOG_LEVEL, "OFF");
      }
    }
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it with captured output. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new OneLineErrors());
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static final class OneLineErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
      if (e instanceof UserInputException) {
        cl.getErr().println("phasewatch " + cl.getCommandName() + ": " + e.getMessage());
        cl.getErr().flush();
        return EXIT_INPUT;
      }
      LoggerFactory.getLogger(Main.class).debug("unexpected failure", e);
      cl.getErr().println("phasewatch " + cl.getCommandName() + ": internal error: " + e
          + " (run with -Dphasewatch.log.level=DEBUG for the stack trace)");
      cl.getErr().flush();
      return EXIT_INTERNAL;
    }
  }
}
