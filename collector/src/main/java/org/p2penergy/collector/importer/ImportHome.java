package org.p2penergy.collector.importer;

import java.nio.file.Path;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.Home;
import picocli.CommandLine.Option;

/** Which home an import writes for: {@code --config} (its home.id) or {@code --home ID}. */
public final class ImportHome {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "the home's p2penergy.yaml: readings go to its home.id")
  Path config;

  @Option(
      names = "--home",
      paramLabel = "ID",
      description = "or the home id itself (default: " + Home.DEFAULT_ID + ")")
  String home;

  String id() {
    if (config != null && home != null) {
      throw new UserException("give --config or --home, not both");
    }
    if (config != null) {
      return ConfigLoader.load(config).home().id();
    }
    if (home != null && !Home.isValidId(home)) {
      throw new UserException(
          "--home: '" + home + "' is not a home id (lower-case letters, digits and dashes)");
    }
    return home == null ? Home.DEFAULT_ID : home;
  }
}
