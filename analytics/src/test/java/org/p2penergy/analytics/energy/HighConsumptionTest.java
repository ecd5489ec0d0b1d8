package org.p2penergy.analytics.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighConsumptionTest {
  @Test
  void aboveFactorTimesTheMedianOfThePreviousDays() {
    List<Double> previous = List.of(1.0, 3.0, 2.0); // median 2
    assertThat(HighConsumption.check(4.0, previous, 2.0)).isEmpty();
    assertThat(HighConsumption.check(4.1, previous, 2.0))
        .contains("4.10 kWh is 2.1× the median of the previous 3 days (2.00 kWh)");
  }

  @Test
  void evenCountTakesTheMeanOfTheMiddleTwo() {
    List<Double> previous = List.of(1.0, 2.0, 4.0, 10.0); // median 3
    assertThat(HighConsumption.check(6.0, previous, 2.0)).isEmpty();
    assertThat(HighConsumption.check(6.01, previous, 2.0)).isPresent();
  }

  @Test
  void tooFewDaysOrNothingUsedIsNeverHigh() {
    assertThat(HighConsumption.check(100, List.of(1.0, 1.0), 2.0)).isEmpty();
    assertThat(HighConsumption.check(100, List.of(0.0, 0.0, 0.0), 2.0)).isEmpty();
  }
}
