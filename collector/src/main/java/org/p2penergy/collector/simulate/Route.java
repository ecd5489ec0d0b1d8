package org.p2penergy.collector.simulate;

import java.util.Arrays;
import java.util.List;

/** What a request path of the Particle API asks for. */
sealed interface Route {
  /** An event stream; {@code deviceId} and {@code product} may be null, {@code prefix} empty. */
  record Stream(String deviceId, String prefix, String product) implements Route {}

  /** {@code GET /v1/devices}. */
  record Devices() implements Route {}

  /** {@code GET /v1/devices/{id}}. */
  record Device(String id) implements Route {}

  record NotFound() implements Route {}

  /** Parses a decoded path; prefixes may themselves contain slashes ({@code spark/status}). */
  static Route parse(String path) {
    List<String> s = Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).toList();
    if (s.size() < 2 || !s.get(0).equals("v1")) {
      return new NotFound();
    }
    switch (s.get(1)) {
      case "devices" -> {
        if (s.size() == 2) {
          return new Devices();
        }
        if (s.get(2).equals("events")) {
          return new Stream(null, rest(s, 3), null);
        }
        if (s.size() == 3) {
          return new Device(s.get(2));
        }
        if (s.get(3).equals("events")) {
          return new Stream(s.get(2), rest(s, 4), null);
        }
        return new NotFound();
      }
      case "events" -> {
        return new Stream(null, rest(s, 2), null);
      }
      case "products" -> {
        if (s.size() >= 4 && s.get(3).equals("events")) {
          return new Stream(null, rest(s, 4), s.get(2));
        }
        return new NotFound();
      }
      default -> {
        return new NotFound();
      }
    }
  }

  private static String rest(List<String> segments, int from) {
    return String.join("/", segments.subList(Math.min(from, segments.size()), segments.size()));
  }
}
