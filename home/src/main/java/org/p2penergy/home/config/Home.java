package org.p2penergy.home.config;

import java.time.ZoneId;

/** The household: its name, the zone its local days and tariffs are in, and its currency. */
public record Home(String name, ZoneId timezone, String currency) {
  public static final String DEFAULT_NAME = "Home";
  public static final String DEFAULT_CURRENCY = "USD";
}
