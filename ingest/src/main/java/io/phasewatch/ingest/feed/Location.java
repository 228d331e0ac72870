package io.phasewatch.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a feed is read from: a local file or an {@code http}/{@code https} URL. Every other
 * scheme ({@code ftp:}, {@code jar:}, …) is refused, so a feed file cannot make ingest read
 * something it was not meant to.
 */
public record Location(URI uri) {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  public Location {
    String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!s.equals("file") && !s.equals("http") && !s.equals("https")) {
      throw new IllegalArgumentException(
          "only file, http and https locations are accepted, not '" + uri + "'");
    }
  }

  /**
   * Resolves a location as written in a feed: a URL with a scheme, or a path relative to
   * {@code baseDir}.
   */
  public static Location of(String text, Path baseDir) {
    String t = text.trim();
    // one letter before ':' is a Windows drive, not a scheme
    if (SCHEME.matcher(t).matches() && t.indexOf(':') > 1) {
      try {
        return new Location(new URI(t));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a valid location: '" + t + "'", e);
      }
    }
    return new Location(baseDir.resolve(t).toAbsolutePath().normalize().toUri());
  }

  public boolean isFile() {
    return uri.getScheme().equalsIgnoreCase("file");
  }

  public Path path() {
    return Path.of(uri);
  }

  /** The name of the file or the last path segment of the URL. */
  public String fileName() {
    String p = uri.getPath() == null ? "" : uri.getPath();
    int slash = p.lastIndexOf('/');
    return slash < 0 ? p : p.substring(slash + 1);
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
