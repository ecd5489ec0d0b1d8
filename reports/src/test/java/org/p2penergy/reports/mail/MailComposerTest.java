package org.p2penergy.reports.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailComposerTest {
  static final LocalDate THU_27_NOV_2025 = LocalDate.of(2025, 11, 27);

  @Test
  void subjectHasTheDateAndHeadlineFigures() {
    ReportFigures f = new ReportFigures(THU_27_NOV_2025, "day", 3.42, 0.51, "USD", "");
    assertThat(MailComposer.subject(f)).isEqualTo("P2P Energy — Thu 27 Nov: 3.42 kWh, $0.51");
  }

  @Test
  void weekAndMonthSubjects() {
    LocalDate sunday = LocalDate.of(2025, 11, 30);
    assertThat(MailComposer.subject(new ReportFigures(sunday, "week", 21.305, 3.2, "EUR", "")))
        .isEqualTo("P2P Energy — week to Sun 30 Nov: 21.31 kWh, €3.20");
    assertThat(MailComposer.subject(new ReportFigures(sunday, "month", 90, 13.5, "GBP", "")))
        .isEqualTo("P2P Energy — November 2025: 90.00 kWh, £13.50");
  }

  @Test
  void anUnknownCurrencyIsShownByItsCode() {
    assertThat(MailComposer.money(1.5, "XYZ")).isEqualTo("XYZ 1.50");
  }

  @Test
  void bodyHasTheTotalTheTableAndNamesTheAttachment() {
    String table = "Fridge      1.20 kWh  $0.18\nMicrowave   0.40 kWh  $0.06\n";
    OutgoingMail mail =
        MailComposer.compose(
            "Demo home",
            new ReportFigures(THU_27_NOV_2025, "day", 3.42, 0.51, "USD", table),
            Path.of("/data/reports/2025-11-27/report-day.pdf"),
            List.of("a@example.org"));
    assertThat(mail.body())
        .startsWith("P2P Energy report for Demo home, Thursday 27 November 2025")
        .contains("Total: 3.42 kWh, $0.51")
        .contains(table.stripTrailing())
        .contains("(report-day.pdf)");
    assertThat(mail.to()).containsExactly("a@example.org");
  }
}
