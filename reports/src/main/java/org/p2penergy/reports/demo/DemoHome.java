package org.p2penergy.reports.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;

/** The demo's files: the home config (the simulator's appliances) and a one-time token. */
record DemoHome(Path config, DemoToken token, HomeConfig home) {
  static DemoHome write(Path out) {
    try {
      Path config = out.resolve("p2penergy.yaml");
      try (InputStream in = DemoHome.class.getResourceAsStream("demo-home.yaml")) {
        Files.copy(in, config);
      }
      return new DemoHome(config, DemoToken.write(out), ConfigLoader.load(config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo files in " + out, e);
    }
  }
}
