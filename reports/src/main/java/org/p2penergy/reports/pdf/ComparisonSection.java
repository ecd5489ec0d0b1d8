package org.p2penergy.reports.pdf;

import org.jfree.chart.JFreeChart;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.reports.chart.ChartDrawer;
import org.p2penergy.reports.chart.PeerChart;
import org.p2penergy.reports.summary.Comparisons;
import org.p2penergy.reports.summary.PeriodSummary;

/**
 * "How you compare": per appliance with a comparison, a small chart of where it sits in the
 * community (its own mark, the median, the efficient line), the sentence, and for a fridge its
 * compressor's duty cycle; a kind with too few homes gets one line. A home on its own: nothing.
 */
final class ComparisonSection {
  static final String HEADING = "How you compare";
  // Title, tick labels and padding take ~45 pt: what is left is the band the marks are drawn in.
  static final float CHART = 96;

  private ComparisonSection() {}

  static void write(
      PageWriter page,
      PeriodSummary p,
      ChartDrawer drawer,
      java.util.function.UnaryOperator<String> text) {
    Comparisons c = Comparisons.of(p);
    if (!c.shown()) {
      return;
    }
    String community = c.community().orElseThrow().name();
    page.heading(HEADING);
    for (Comparisons.Item i : c.compared()) {
      page.ensure(CHART + 40);
      String title = i.name() + ": kWh" + (p.period() == ReportPeriod.DAY ? " that day" : " a day");
      JFreeChart chart = PeerChart.create(text.apply(title), i.kwh(), null, 1);
      page.form(drawer.draw(chart, page.width(), CHART), PageWriter.MARGIN, CHART);
      page.gap(CHART + 2);
      page.paragraph(PeerText.sentence(i, community, p.period()), 9, false);
      PeerText.duty(i).ifPresent(line -> page.paragraph(line, 9, false));
      page.gap(4);
    }
    DaySummary.Community rules = c.community().orElseThrow();
    for (Comparisons.Waiting w : c.waiting()) {
      // A day's own coverage is known to be the reason; over a week it is one of the days.
      boolean ownData = p.period() == ReportPeriod.DAY && w.coverage() < rules.minCoverage();
      page.paragraph(
          ownData
              ? PeerText.tooLittleData(w.name(), w.coverage(), rules.minCoverage())
              : PeerText.waiting(w.name(), rules.minHomes()),
          9,
          false);
    }
  }
}
