package org.p2penergy.reports.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A one-time access token for the demo's simulated cloud, in a file only its owner reads. */
record DemoToken(Path file, String value) {
  static DemoToken write(Path out) {
    try {
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      String token = "demo-" + HexFormat.of().formatHex(random);
      Path file = out.resolve("particle-token");
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, token + "\n");
      return new DemoToken(file, token);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo token in " + out, e);
    }
  }

  @Override
  public String toString() {
    return "DemoToken[" + file + "]"; // never the token
  }
}
