package org.p2penergy.reports.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;

/** The demo's files: the home config (the simulator's appliances) and a one-time token. */
record DemoHome(Path config, Path tokenFile, String token, HomeConfig home) {
  static DemoHome write(Path out) {
    try {
      Path config = out.resolve("p2penergy.yaml");
      try (InputStream in = DemoHome.class.getResourceAsStream("demo-home.yaml")) {
        Files.copy(in, config);
      }
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      String token = "demo-" + HexFormat.of().formatHex(random);
      Path tokenFile = out.resolve("particle-token");
      Files.createFile(
          tokenFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tokenFile, token + "\n");
      return new DemoHome(config, tokenFile, token, ConfigLoader.load(config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo files in " + out, e);
    }
  }

  @Override
  public String toString() {
    return "DemoHome[" + config + "]"; // never the token
  }
}
