package org.p2penergy.reports.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.config.ReportSettings;
import org.p2penergy.reports.pdf.ReportPeriod;

class NightlyPlanTest {
  static final ZoneId NY = ZoneId.of("America/New_York");
  static final LocalDate NOV_27 = LocalDate.of(2025, 11, 27);

  @Test
  void aDayIsCompleteOnlyAfterItsLocalMidnightPlusGrace() {
    Duration grace = Duration.ofMinutes(70);
    // 28 Nov 01:09 in New York (EST, UTC-5) = 06:09Z: the 27th is not yet complete.
    assertThat(NightlyPlan.lastCompleteDay(Instant.parse("2025-11-28T06:09:00Z"), NY, grace))
        .isEqualTo(NOV_27.minusDays(1));
    // 01:10 local: now it is.
    assertThat(NightlyPlan.lastCompleteDay(Instant.parse("2025-11-28T06:10:00Z"), NY, grace))
        .isEqualTo(NOV_27);
    // Late on the 28th in New York it is already the 29th in UTC: the zone decides.
    assertThat(NightlyPlan.lastCompleteDay(Instant.parse("2025-11-29T03:00:00Z"), NY, grace))
        .isEqualTo(NOV_27);
  }

  @Test
  void firstRunDoesYesterdayOnly() {
    assertThat(NightlyPlan.days(NightlyState.EMPTY, NOV_27, Optional.empty()))
        .containsExactly(NOV_27);
  }

  @Test
  void missedNightsAreCaughtUpInOrder() {
    NightlyState state = NightlyState.EMPTY.finished(LocalDate.of(2025, 11, 24));
    assertThat(NightlyPlan.days(state, NOV_27, Optional.empty()))
        .containsExactly(
            LocalDate.of(2025, 11, 25), LocalDate.of(2025, 11, 26), LocalDate.of(2025, 11, 27));
  }

  @Test
  void nothingToDoWhenTheLastCompleteDayIsDone() {
    NightlyState state = NightlyState.EMPTY.finished(NOV_27);
    assertThat(NightlyPlan.days(state, NOV_27, Optional.empty())).isEmpty();
  }

  @Test
  void sinceStartsEarlierButSkipsDaysAlreadyDone() {
    NightlyState state = NightlyState.EMPTY.finished(LocalDate.of(2025, 11, 25));
    assertThat(NightlyPlan.days(state, NOV_27, Optional.of(LocalDate.of(2025, 11, 24))))
        .containsExactly(LocalDate.of(2025, 11, 24), LocalDate.of(2025, 11, 26), NOV_27);
  }

  @Test
  void anOlderPendingDayIsStillOwed() {
    LocalDate failedEmail = LocalDate.of(2025, 11, 20);
    NightlyState state =
        new NightlyState(
            new TreeSet<>(Set.of(LocalDate.of(2025, 11, 26))),
            new TreeMap<>(
                java.util.Map.of(failedEmail, new DayProgress(true, Set.of("day"), Set.of()))));
    assertThat(NightlyPlan.days(state, NOV_27, Optional.empty()))
        .startsWith(failedEmail)
        .endsWith(NOV_27)
        .doesNotContain(LocalDate.of(2025, 11, 26))
        .hasSize(7); // 20..25 and 27
  }

  @Test
  void weekReportsOnSundaysMonthReportsOnTheLastDay() {
    ReportSettings both = new ReportSettings(true, true);
    assertThat(NightlyPlan.periods(NOV_27, both)).containsExactly(ReportPeriod.DAY); // Thursday
    assertThat(NightlyPlan.periods(LocalDate.of(2025, 11, 23), both)) // Sunday
        .containsExactly(ReportPeriod.DAY, ReportPeriod.WEEK);
    assertThat(NightlyPlan.periods(LocalDate.of(2025, 11, 30), both)) // Sunday and 30 Nov
        .containsExactly(ReportPeriod.DAY, ReportPeriod.WEEK, ReportPeriod.MONTH);
    assertThat(NightlyPlan.periods(LocalDate.of(2024, 2, 29), both)) // leap day, Thursday
        .containsExactly(ReportPeriod.DAY, ReportPeriod.MONTH);
    assertThat(NightlyPlan.periods(LocalDate.of(2025, 11, 30), ReportSettings.defaults()))
        .containsExactly(ReportPeriod.DAY);
  }
}
