package org.p2penergy.home.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a secret (the Particle token, the SMTP password) is read from: an environment variable or a
 * file. The config names the place, never the value; {@link #toString()} names only the place, so a
 * secret cannot leak through a log line that prints the config.
 */
public record SecretSource(String envVar, Path file) {

  public static SecretSource fromEnv(String envVar) {
    return new SecretSource(envVar, null);
  }

  public static SecretSource fromFile(Path file) {
    return new SecretSource(null, file);
  }

  /**
   * Reads the secret now: trailing whitespace and newlines of a file are dropped.
   *
   * @throws ConfigException naming the variable or file (never the value) if it is missing or empty
   */
  public String resolve(Map<String, String> environment) {
    String value;
    if (envVar != null) {
      value = environment.get(envVar);
      if (value == null || value.isBlank()) {
        throw new ConfigException("environment variable " + envVar + " is not set");
      }
    } else {
      try {
        value = Files.readString(file);
      } catch (IOException e) {
        throw new ConfigException(
            "cannot read secret file " + file + ": " + e.getClass().getSimpleName());
      }
      if (value.isBlank()) {
        throw new ConfigException("secret file " + file + " is empty");
      }
    }
    value = value.strip();
    if (org.p2penergy.home.text.Redact.hasControl(value)) {
      // A header cannot carry it (OkHttp would throw quoting the value): refuse it here, unquoted.
      throw new ConfigException(
          toString().replace("env:", "environment variable ").replace("file:", "secret file ")
              + " holds a line break or another control character; a secret is one line");
    }
    return value;
  }

  @Override
  public String toString() {
    return envVar != null ? "env:" + envVar : "file:" + file;
  }
}
