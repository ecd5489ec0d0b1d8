package org.p2penergy.home.config;

import java.time.LocalDateTime;

/** Price of a kWh as a function of local wall-clock time. */
public sealed interface Tariff permits FlatTariff, TimeOfUseTariff {

  /** The price per kWh in force at this local time. */
  double rateAt(LocalDateTime local);

  /**
   * The earliest local time after {@code local} at which the rate may change, so that energy math
   * can split intervals there. A flat tariff never changes.
   */
  LocalDateTime nextChangeAfter(LocalDateTime local);
}
