package org.p2penergy.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {
  @Test
  void dayIsTheDate() {
    LocalDate d = LocalDate.of(2026, 11, 27);
    assertThat(ReportPeriod.DAY.dates(d)).containsExactly(d);
    assertThat(ReportPeriod.DAY.previousEnd(d)).isEqualTo(LocalDate.of(2026, 11, 26));
  }

  @Test
  void weekIsTheSevenDaysEndingTheDate() {
    LocalDate sunday = LocalDate.of(2026, 11, 29);
    assertThat(ReportPeriod.WEEK.dates(sunday))
        .hasSize(7)
        .startsWith(LocalDate.of(2026, 11, 23)) // a Monday
        .endsWith(sunday);
    assertThat(ReportPeriod.WEEK.previousEnd(sunday)).isEqualTo(LocalDate.of(2026, 11, 22));
  }

  @Test
  void monthRunsFromTheFirstToTheDate() {
    assertThat(ReportPeriod.MONTH.dates(LocalDate.of(2026, 11, 27)))
        .hasSize(27)
        .startsWith(LocalDate.of(2026, 11, 1));
    // compared with the same days of the month before, clamped to its length
    assertThat(ReportPeriod.MONTH.previousEnd(LocalDate.of(2026, 3, 31)))
        .isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(ReportPeriod.MONTH.dates(LocalDate.of(2026, 2, 28))).hasSize(28);
  }

  @Test
  void namesForFilesAndOptions() {
    assertThat(ReportPeriod.WEEK.id()).isEqualTo("week");
    assertThat(ReportPeriod.MONTH.title()).isEqualTo("Month");
  }
}
