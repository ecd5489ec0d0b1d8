package org.p2penergy.reports.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2penergy.reports.pdf.Headline;
import org.p2penergy.reports.pdf.ReportPeriod;

class MailComposerTest {
  static final LocalDate THU_27_NOV_2025 = LocalDate.of(2025, 11, 27);

  static Headline headline(LocalDate d, ReportPeriod p, double kwh, double cost, String cur) {
    return new Headline(d, p, kwh, cost, cur, "", false, java.util.Optional.empty());
  }

  @Test
  void subjectHasTheDateAndHeadlineFigures() {
    Headline h = headline(THU_27_NOV_2025, ReportPeriod.DAY, 3.42, 0.51, "USD");
    assertThat(MailComposer.subject(h)).isEqualTo("P2P Energy — Thu 27 Nov: 3.42 kWh, $0.51");
  }

  @Test
  void weekAndMonthSubjects() {
    LocalDate sunday = LocalDate.of(2025, 11, 30);
    assertThat(MailComposer.subject(headline(sunday, ReportPeriod.WEEK, 21.3, 3.2, "EUR")))
        .isEqualTo("P2P Energy — week to Sun 30 Nov: 21.30 kWh, €3.20");
    assertThat(MailComposer.subject(headline(sunday, ReportPeriod.MONTH, 90, 13.5, "GBP")))
        .isEqualTo("P2P Energy — November 2025: 90.00 kWh, £13.50");
  }

  @Test
  void aPeriodWithoutDataSaysSo() {
    Headline h =
        new Headline(
            THU_27_NOV_2025, ReportPeriod.DAY, 0, 0, "USD", "", true, java.util.Optional.empty());
    assertThat(MailComposer.subject(h)).isEqualTo("P2P Energy — Thu 27 Nov: no data");
  }

  @Test
  void bodyHasTheTotalTheTableAndNamesTheAttachment() {
    String table = "Fridge      1.20 kWh  $0.18\nMicrowave   0.40 kWh  $0.06\n";
    OutgoingMail mail =
        MailComposer.compose(
            "Demo home",
            new Headline(
                THU_27_NOV_2025,
                ReportPeriod.DAY,
                3.42,
                0.51,
                "USD",
                table,
                false,
                java.util.Optional.empty()),
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
