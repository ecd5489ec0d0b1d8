package org.p2penergy.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.home.summary.SummaryJson;
import org.p2penergy.reports.mail.MailComposer;
import org.p2penergy.reports.summary.Comparisons;
import org.p2penergy.reports.summary.PeriodSummary;
import org.p2penergy.reports.summary.SummaryReader;

/**
 * "How you compare", from the demo fixture (Fridge 1.2 kWh, Microwave 0.5 kWh on 2026-11-27) with
 * comparison entries added by hand: the fridge against a median of 0.8 and an efficient line of 0.6
 * kWh (37 fridges in 29 homes), its compressor at 41 % against 33 % and 28 %; the microwave's kind
 * has too few homes. Every sentence below is worked out from those numbers.
 */
class ComparisonReportTest {
  private static final LocalDate DAY = ReportRendererTest.DAY;
  private static final String FRIDGE = "34003d000547363332363639";

  @TempDir Path data;

  private Path communityHome() throws Exception {
    return communityHome(1.0);
  }

  /** The fixture with the microwave's readings covering {@code microwaveCoverage} of the day. */
  private Path communityHome(double microwaveCoverage) throws Exception {
    DaySummary demo = SummaryReader.read(ReportRendererTest.fixture("demo"), "home", DAY);
    List<DaySummary.Appliance> appliances =
        demo.appliances().stream()
            .map(a -> a.appliance().equals("Microwave") ? covering(a, microwaveCoverage) : a)
            .toList();
    DaySummary compared =
        new DaySummary(
            demo.schemaVersion(),
            demo.date(),
            demo.generatedAt(),
            new DaySummary.Home("elm-12", "Elm 12", demo.home().timezone(), demo.home().currency()),
            demo.day(),
            demo.totals(),
            appliances,
            demo.hourly(),
            demo.powerCurve(),
            demo.states(),
            demo.stateTimeline(),
            demo.anomalies(),
            demo.history(),
            demo.dataQuality(),
            List.of(
                new DaySummary.Peer(
                    FRIDGE, "Fridge", "fridge", "kwh", "day", 1.2, 37, 29, 0.6, 0.8, 0.85, 92.5),
                new DaySummary.Peer(
                    FRIDGE,
                    "Fridge",
                    "fridge",
                    "duty_cycle",
                    "day",
                    0.41,
                    37,
                    29,
                    0.28,
                    0.33,
                    0.34,
                    88.0)),
            Optional.of(new DaySummary.Community("Elm Street energy group", 5, 0.95)));
    Path file = SummaryReader.path(data, "elm-12", DAY);
    Files.createDirectories(file.getParent());
    Files.writeString(file, SummaryJson.write(compared));
    return data;
  }

  @Test
  void theSentencesSayWhereEachApplianceSits() throws Exception {
    PeriodSummary p =
        PeriodSummary.of(
            ReportPeriod.DAY, DAY, List.of(SummaryReader.read(communityHome(), "elm-12", DAY)));
    Comparisons c = Comparisons.of(p);
    assertThat(c.compared())
        .singleElement()
        .satisfies(i -> assertThat(i.name()).isEqualTo("Fridge"));
    assertThat(c.waiting()).extracting(Comparisons.Waiting::name).containsExactly("Microwave");
    Comparisons.Item fridge = c.compared().get(0);
    assertThat(PeerText.sentence(fridge, "Elm Street energy group", ReportPeriod.DAY))
        .isEqualTo(
            "Fridge used 1.20 kWh; similar fridges in Elm Street energy group: median 0.800 kWh,"
                + " the efficient ones 0.600 kWh (37 fridges in 29 homes).");
    assertThat(PeerText.duty(fridge))
        .contains(
            "Its compressor ran 41% of the time; similar fridges: median 33%, the efficient ones 28%.");
    assertThat(PeerText.waiting("Microwave", 5))
        .isEqualTo(
            "The comparison for Microwave starts when similar appliances from at least 5 homes take part.");
    // 1.2 / 0.8 - 1 = +50 %
    assertThat(PeerText.headline(c))
        .contains("Your Fridge used 50 % more than the community's median.");
  }

  @Test
  void thePdfHasTheSectionAndTheEmailTheHeadline() throws Exception {
    RenderedReport report =
        new ReportRenderer(Optional.empty())
            .render(communityHome(), "elm-12", DAY, ReportPeriod.DAY, null);
    String text = Pdfs.text(report.pdf());
    assertThat(text).contains("How you compare");
    assertThat(text.replaceAll("\\s+", " "))
        .contains("median 0.800 kWh, the efficient ones 0.600 kWh (37 fridges in 29 homes)")
        .contains("Its compressor ran 41% of the time")
        .contains(
            "The comparison for Microwave starts when similar appliances from at least 5 homes take part.");
    String body =
        MailComposer.compose("Elm 12", report.headline(), report.pdf(), List.of("a@example.org"))
            .body();
    assertThat(body).contains("Your Fridge used 50 % more than the community's median.");
  }

  @Test
  void anApplianceWithTooLittleDataIsNotComparedAndTheLineSaysSo() throws Exception {
    // The microwave's kind has too few homes, but the reason its day gets no comparison is its
    // own: 50 % coverage against the community's 95 %.
    RenderedReport report =
        new ReportRenderer(Optional.empty())
            .render(communityHome(0.5), "elm-12", DAY, ReportPeriod.DAY, null);
    assertThat(Pdfs.text(report.pdf()).replaceAll("\\s+", " "))
        .contains(
            "Microwave is not compared this day: its readings cover 50% of the day, and a"
                + " comparison needs 95%.")
        .doesNotContain("The comparison for Microwave starts");
  }

  private static DaySummary.Appliance covering(DaySummary.Appliance a, double coverage) {
    return new DaySummary.Appliance(
        a.deviceId(),
        a.appliance(),
        a.kind(),
        a.kwh(),
        a.cost(),
        a.peakW(),
        a.meanW(),
        a.standbyW(),
        a.standbyKwh(),
        a.standbyCost(),
        a.onSeconds(),
        a.readings(),
        coverage,
        a.gaps(),
        a.cycles(),
        a.duplicates(),
        a.outOfRange());
  }

  @Test
  void aHomeOnItsOwnShowsNoComparisonAndTheSameEmail() throws Exception {
    RenderedReport report =
        new ReportRenderer(Optional.empty())
            .render(
                ReportRendererTest.fixture("demo"),
                "home",
                DAY,
                ReportPeriod.DAY,
                data.resolve("d.pdf"));
    assertThat(Pdfs.text(report.pdf())).doesNotContain("How you compare").doesNotContain("similar");
    assertThat(report.headline().comparison()).isEmpty();
    String body =
        MailComposer.compose("Demo home", report.headline(), report.pdf(), List.of("a@example.org"))
            .body();
    assertThat(body).doesNotContain("community");
  }
}
