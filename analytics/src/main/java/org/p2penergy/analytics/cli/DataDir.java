package org.p2penergy.analytics.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.p2penergy.home.cli.UserException;

/**
 * The {@code --data} argument: a local directory or any Hadoop URI. A local one is checked before
 * Spark starts, so a typo costs a second, not a session start.
 */
final class DataDir {
  private DataDir() {}

  static void checkLocal(String dir, String needed) {
    URI uri = URI.create(dir.replace(" ", "%20"));
    if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
      return;
    }
    Path path = uri.getScheme() == null ? Path.of(dir) : Path.of(uri);
    if (!Files.isDirectory(path)) {
      throw new UserException(dir + ": no such data directory");
    }
    if (needed != null && !Files.isDirectory(path.resolve(needed))) {
      throw new UserException(dir + ": no " + needed + "/ folder in the data directory");
    }
  }

  static void check(String dir, Configuration conf) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir);
    try {
      if (!path.getFileSystem(conf).exists(path)) {
        throw new UserException(dir + ": no such data directory");
      }
    } catch (IOException e) {
      throw new UserException(dir + ": cannot open (" + e.getMessage() + ")");
    }
  }
}
