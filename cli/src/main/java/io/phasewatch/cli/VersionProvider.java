package io.phasewatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The Maven project version, from the resource Maven filters at build time. */
public final class VersionProvider implements IVersionProvider {
  static final String RESOURCE = "/io/phasewatch/cli/version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"phasewatch " + version()};
  }

  /** The project version, or "unknown" when run from classes Maven did not filter. */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
