package org.p2penergy.reports.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2penergy.reports.pdf.ReportPeriod;

/** Expected figures computed by hand from src/test/resources/summaries/demo (see its README). */
class PeriodSummaryTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 27);
  static final String FRIDGE = "34003d000547363332363639";

  static PeriodSummary of(ReportPeriod period) {
    return PeriodSummary.of(
        period,
        DAY,
        SummaryReader.readPeriod(SummaryReaderTest.fixture("demo"), "home", DAY, period).days());
  }

  @Test
  void dayTotalsAndComparisons() {
    PeriodSummary p = of(ReportPeriod.DAY);

    assertThat(p.totals().kwh()).isEqualTo(1.7);
    assertThat(p.missing()).isEmpty();
    // the day before: fridge 1.1 + microwave 0.5
    assertThat(p.previousDailyKwh().getAsDouble()).isCloseTo(1.6, within(1e-9));
    // 20..26 Nov: six days of 1.0 + 0.4 and one of 1.1 + 0.5 -> 10.0 / 7
    assertThat(p.weekAverageKwh().getAsDouble()).isCloseTo(10.0 / 7, within(1e-9));
    assertThat(p.appliances())
        .extracting(ApplianceTotal::name)
        .containsExactly("Fridge", "Microwave");
    assertThat(p.appliances().get(0).share()).isCloseTo(1.2 / 1.7, within(1e-9));
  }

  @Test
  void weekAddsUpTheDaysItHasAndListsTheMissingOnes() {
    PeriodSummary p = of(ReportPeriod.WEEK);

    assertThat(p.days()).hasSize(2);
    assertThat(p.missing())
        .containsExactly(
            LocalDate.of(2026, 11, 21),
            LocalDate.of(2026, 11, 22),
            LocalDate.of(2026, 11, 23),
            LocalDate.of(2026, 11, 24),
            LocalDate.of(2026, 11, 25));
    assertThat(p.totals().kwh()).isCloseTo(1.7 + 1.6, within(1e-9));
    assertThat(p.totals().cost()).isCloseTo(0.255 + 0.24, within(1e-9));
    ApplianceTotal fridge = p.appliances().get(0);
    assertThat(fridge.deviceId()).isEqualTo(FRIDGE);
    assertThat(fridge.kwh()).isCloseTo(2.3, within(1e-9));
    assertThat(fridge.share()).isCloseTo(2.3 / 3.3, within(1e-9));
    assertThat(fridge.peakW()).isEqualTo(840.0);
    assertThat(fridge.cycles()).isEqualTo(60);
    assertThat(fridge.onSeconds()).isEqualTo(58000);
    assertThat(fridge.standbyW()).isCloseTo((14.5 + 14.0) / 2, within(1e-9));
    // 0.99 of one day + all of another, over 7 days of 24 h
    assertThat(fridge.coverage()).isCloseTo((0.99 * 24 + 24) / (7 * 24), within(1e-9));
    // the week before (14..20 Nov): only 19 and 20 are known, 1.4 each: 1.4 a day
    assertThat(p.previousDailyKwh().getAsDouble()).isCloseTo(1.4, within(1e-9));
    assertThat(p.dailyKwh()).isCloseTo(3.3 / 2, within(1e-9));
    assertThat(p.weekAverageKwh().getAsDouble()).isCloseTo(1.4, within(1e-9));
  }

  @Test
  void nothingKnownMeansNoComparison() {
    PeriodSummary p = PeriodSummary.of(ReportPeriod.MONTH, DAY, List.of());

    assertThat(p.isEmpty()).isTrue();
    assertThat(p.previousDailyKwh()).isEmpty();
    assertThat(p.weekAverageKwh()).isEmpty();
    assertThat(p.missing()).hasSize(27);
    assertThat(p.totals().kwh()).isZero();
  }
}
