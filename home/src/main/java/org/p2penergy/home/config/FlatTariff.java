package org.p2penergy.home.config;

import java.time.LocalDateTime;

/** One price for every kWh. */
public record FlatTariff(double rate) implements Tariff {
  @Override
  public double rateAt(LocalDateTime local) {
    return rate;
  }

  @Override
  public LocalDateTime nextChangeAfter(LocalDateTime local) {
    return LocalDateTime.MAX;
  }
}
