package org.p2penergy.home.cli;

import java.nio.file.Path;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;
import picocli.CommandLine.Option;

/**
 * {@code --data} and {@code --config}, the two options nearly every command takes, declared once
 * ({@code @Mixin HomeOptions home;}). {@code --data} is text: analyze takes a Hadoop URI too.
 */
public final class HomeOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "the data directory (readings/, reports/, state/, ...)")
  public String data;

  @Option(names = "--config", paramLabel = "FILE", description = "the home's p2penergy.yaml")
  public Path config;

  /** The data directory as a local path; a one-line error when the option is missing. */
  public Path dataDir() {
    if (data == null) {
      throw new UserException("missing required option --data DIR");
    }
    return Path.of(data);
  }

  /** The home config; a one-line error when the option is missing or the file is bad. */
  public HomeConfig loadConfig() {
    if (config == null) {
      throw new UserException("missing required option --config FILE");
    }
    return ConfigLoader.load(config);
  }

  /** The home config if given, else every default. */
  public HomeConfig configOrDefaults() {
    return config == null ? ConfigLoader.defaults() : ConfigLoader.load(config);
  }
}
