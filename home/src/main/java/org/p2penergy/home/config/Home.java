package org.p2penergy.home.config;

import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The household: its id (the partition key of every table, {@code home=ID}), its name, the zone its
 * local days and tariffs are in, and its currency (an ISO 4217 code).
 */
public record Home(String id, String name, ZoneId timezone, String currency) {
  public static final String DEFAULT_ID = "home";
  public static final String DEFAULT_NAME = "Home";
  public static final String DEFAULT_CURRENCY = "USD";

  /** Lower-case letters, digits and dashes; safe in a path, a key and a partition value. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
