package org.p2penergy.home.config;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** A default price, overridden by the first window that contains the local time. */
public record TimeOfUseTariff(double defaultRate, List<TariffWindow> windows) implements Tariff {

  public TimeOfUseTariff {
    windows = List.copyOf(windows);
  }

  @Override
  public double rateAt(LocalDateTime local) {
    for (TariffWindow window : windows) {
      if (window.contains(local)) {
        return window.rate();
      }
    }
    return defaultRate;
  }

  @Override
  public LocalDateTime nextChangeAfter(LocalDateTime local) {
    // Window edges are at from/to times on some day; the next candidate edge is the nearest one.
    LocalDateTime best = LocalDateTime.MAX;
    for (TariffWindow window : windows) {
      for (LocalTime edge : List.of(window.from(), window.to())) {
        LocalDateTime candidate = local.toLocalDate().atTime(edge);
        if (!candidate.isAfter(local)) {
          candidate = candidate.plusDays(1);
        }
        if (candidate.isBefore(best)) {
          best = candidate;
        }
      }
    }
    return best;
  }
}
