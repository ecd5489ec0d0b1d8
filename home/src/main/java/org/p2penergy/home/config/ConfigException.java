package org.p2penergy.home.config;

/**
 * A bad configuration: the message names the file, the key and the problem in one line. The CLI
 * edge ({@code Cli}) reports it with exit code 2.
 */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
