package org.p2penergy.reports.pdf;

import java.util.List;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.JFreeChart;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.reports.chart.ChartDrawer;
import org.p2penergy.reports.chart.ChartInput;
import org.p2penergy.reports.chart.HeatmapChart;
import org.p2penergy.reports.chart.HistoryChart;
import org.p2penergy.reports.chart.Palette;
import org.p2penergy.reports.chart.PowerCurveChart;
import org.p2penergy.reports.chart.ShareChart;
import org.p2penergy.reports.chart.StateTimelineChart;
import org.p2penergy.reports.summary.ApplianceTotal;
import org.p2penergy.reports.summary.PeriodSummary;

/** Places the charts: share and power curve beside each other, then history, states, heatmap. */
final class ChartsSection {
  private static final float ROW = 190;

  private ChartsSection() {}

  static void write(PageWriter page, PeriodSummary p, ChartDrawer drawer, FontSet fonts) {
    if (p.isEmpty()) {
      return;
    }
    ChartInput input =
        new ChartInput(
            p,
            new Palette(p.appliances().stream().map(ApplianceTotal::deviceId).toList()),
            fonts::displayable);
    DaySummary last = p.lastDay();
    page.gap(8);
    page.ensure(ROW);
    float shareWidth = 190;
    place(page, drawer, ShareChart.create(input), PageWriter.MARGIN, shareWidth, ROW, false);
    float curveWidth = page.width() - shareWidth - 10;
    place(
        page,
        drawer,
        PowerCurveChart.create(input, last),
        PageWriter.MARGIN + shareWidth + 10,
        curveWidth,
        ROW,
        true);
    page.gap(10);
    page.ensure(ROW);
    place(page, drawer, HistoryChart.create(input), PageWriter.MARGIN, page.width(), ROW, true);
    if (StateTimelineChart.applies(last)) {
      long rows =
          last.stateTimeline().stream().map(DaySummary.StateEpisode::deviceId).distinct().count();
      float height = Math.max(110, 70 + 24 * rows);
      page.gap(10);
      page.ensure(height);
      place(
          page,
          drawer,
          StateTimelineChart.create(input, last),
          PageWriter.MARGIN,
          page.width(),
          height,
          true);
    }
    if (p.period() != ReportPeriod.DAY) {
      page.gap(10);
      page.ensure(230);
      place(page, drawer, HeatmapChart.create(input), PageWriter.MARGIN, page.width(), 230, true);
    }
  }

  /** Draws {@code chart} at the cursor; moves the cursor below it when {@code advance}. */
  private static void place(
      PageWriter page,
      ChartDrawer drawer,
      JFreeChart chart,
      float x,
      float width,
      float height,
      boolean advance) {
    PDFormXObject form = drawer.draw(chart, width, height);
    page.form(form, x, height);
    if (advance) {
      page.gap(height);
    }
  }

  /** The chart titles a report of {@code period} with state episodes contains, for checks. */
  static List<String> titles(ReportPeriod period, boolean states) {
    List<String> titles =
        new java.util.ArrayList<>(
            List.of(ShareChart.TITLE, PowerCurveChart.TITLE, HistoryChart.TITLE));
    if (states) {
      titles.add(StateTimelineChart.TITLE);
    }
    if (period != ReportPeriod.DAY) {
      titles.add(HeatmapChart.TITLE);
    }
    return titles;
  }
}
