package org.p2penergy.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {
  @Test
  void energyKeepsSmallLoadsVisible() {
    assertThat(Formats.kwh(3.4249)).isEqualTo("3.42 kWh");
    assertThat(Formats.kwh(0.0484)).isEqualTo("0.048 kWh");
  }

  @Test
  void moneyUsesTheCurrencySymbol() {
    assertThat(new Formats("USD").money(0.51)).isEqualTo("$0.51");
    assertThat(new Formats("EUR").money(1.5)).isEqualTo("€1.50");
    assertThat(new Formats("CHF").money(1.5)).isEqualTo("1.50 CHF");
    assertThat(new Formats("").money(1.5)).isEqualTo("1.50");
  }

  @Test
  void wattsPercentChangeDuration() {
    assertThat(Formats.watts(834.5)).isEqualTo("835 W");
    assertThat(Formats.watts(14.46)).isEqualTo("14.5 W");
    assertThat(Formats.percent(0.7058)).isEqualTo("71%");
    assertThat(Formats.change(1.7, 1.6)).isEqualTo("+6%");
    assertThat(Formats.change(1.0, 2.0)).isEqualTo("-50%");
    assertThat(Formats.change(1.0, 0)).isEqualTo("n/a");
    assertThat(Formats.duration(40)).isEqualTo("40 s");
    assertThat(Formats.duration(900)).isEqualTo("15 min");
    assertThat(Formats.duration(30000)).isEqualTo("8 h 20 min");
    assertThat(Formats.duration(984_300)).isEqualTo("273 h");
  }
}
