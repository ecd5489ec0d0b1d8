package org.p2penergy.collector.config;

import org.p2penergy.collector.cli.UserException;

/** A bad configuration: the message names the key and the problem in one line. */
public class ConfigException extends UserException {
  public ConfigException(String message) {
    super(message);
  }
}
