package org.p2penergy.home.config;

import org.p2penergy.home.cli.UserException;

/** A bad configuration: the message names the key and the problem in one line. */
public class ConfigException extends UserException {
  public ConfigException(String message) {
    super(message);
  }
}
