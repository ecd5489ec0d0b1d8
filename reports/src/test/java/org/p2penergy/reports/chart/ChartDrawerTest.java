package org.p2penergy.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.reports.pdf.FontSet;
import org.p2penergy.reports.pdf.ReportPeriod;
import org.p2penergy.reports.summary.PeriodSummary;
import org.p2penergy.reports.summary.SummaryReader;

class ChartDrawerTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 27);

  static PeriodSummary demo(ReportPeriod period) throws URISyntaxException {
    Path data = Path.of(ChartDrawerTest.class.getResource("/summaries/demo").toURI());
    return PeriodSummary.of(
        period, DAY, SummaryReader.readPeriod(data, "home", DAY, period).days());
  }

  /** Draws the chart on a page of a fresh document and returns the page's text. */
  static String drawnText(JFreeChart chart, PDDocument doc, FontSet fonts) throws IOException {
    PDFormXObject form = new ChartDrawer(doc, fonts).draw(chart, 400, 200);
    PDPage page = new PDPage();
    doc.addPage(page);
    try (PDPageContentStream stream = new PDPageContentStream(doc, page)) {
      stream.drawForm(form);
    }
    assertThat(form.getBBox().getWidth()).isEqualTo(400);
    return new PDFTextStripper().getText(doc);
  }

  @Test
  void powerCurveIsVectorsWithRealText() throws Exception {
    PeriodSummary p = demo(ReportPeriod.DAY);
    try (PDDocument doc = new PDDocument()) {
      FontSet fonts = FontSet.load(doc, Optional.empty());
      ChartInput input = new ChartInput(p, new Palette(List.of()), fonts::displayable);
      JFreeChart chart = PowerCurveChart.create(input, p.lastDay());

      assertThat(drawnText(chart, doc, fonts))
          .contains(
              "Power through the day, 2026-11-27",
              "hour (America/New_York)",
              "Fridge",
              "Microwave");
      assertThat(doc.getPage(0).getResources().getXObjectNames()).hasSize(1);
    }
  }

  @Test
  void powerCurveKeepsGapsAsGaps() throws Exception {
    PeriodSummary p = demo(ReportPeriod.DAY);
    DaySummary day = p.lastDay();
    JFreeChart chart =
        PowerCurveChart.create(new ChartInput(p, new Palette(List.of()), s -> s), day);
    var data = ((XYPlot) chart.getPlot()).getDataset();
    int fridge = 0; // the fixture's first curve: nulls at hours 16 and 17
    assertThat(data.getItemCount(fridge)).isEqualTo(24);
    assertThat(data.getYValue(fridge, 16)).isNaN();
    assertThat(data.getXValue(fridge, 3)).isEqualTo(3.0);
    assertThat(data.getYValue(fridge, 3)).isEqualTo(154.2);
  }

  @Test
  void historyStacksThirtyDaysPerAppliance() throws Exception {
    PeriodSummary p = demo(ReportPeriod.DAY);
    JFreeChart chart = HistoryChart.create(new ChartInput(p, new Palette(List.of()), s -> s));
    var data = ((org.jfree.chart.plot.CategoryPlot) chart.getPlot()).getDataset();

    assertThat(data.getColumnCount()).isEqualTo(30);
    assertThat(data.getRowKeys()).containsExactly("Fridge", "Microwave");
    assertThat(data.getValue("Fridge", "26").doubleValue()).isEqualTo(1.1);
    assertThat(data.getValue("Microwave", "19").doubleValue()).isEqualTo(0.4);
    assertThat(data.getValue("Fridge", "1").doubleValue()).isZero(); // not in the history
  }

  @Test
  void heatmapSumsAppliancesPerHour() throws Exception {
    PeriodSummary p = demo(ReportPeriod.WEEK);
    JFreeChart chart = HeatmapChart.create(new ChartInput(p, new Palette(List.of()), s -> s));
    var data = (org.jfree.data.xy.XYZDataset) ((XYPlot) chart.getPlot()).getDataset();

    // 2 days x 24 hours; 27 Nov is column 1: 7 h microwave 0.3 kWh, 12 h fridge 1.15 kWh
    assertThat(data.getItemCount(0)).isEqualTo(48);
    assertThat(data.getZValue(0, 24 + 7)).isEqualTo(0.3);
    assertThat(data.getZValue(0, 24 + 12)).isEqualTo(1.15);
    assertThat(data.getZValue(0, 19)).isEqualTo(0.5);
  }

  @Test
  void textDejaVuLacksDoesNotCrash() throws Exception {
    PeriodSummary p = demo(ReportPeriod.DAY);
    try (PDDocument doc = new PDDocument()) {
      FontSet fonts = FontSet.load(doc, Optional.empty());
      // no displayable(): the raw CJK reaches the drawer, which draws it as outlines
      ChartInput input =
          new ChartInput(p, new Palette(List.of()), s -> s.equals("Fridge") ? "冰箱" : s);
      String text = drawnText(ShareChart.create(input), doc, fonts);

      assertThat(text).contains("Share of energy", "Microwave");
      assertThat(Arrays.asList(text.split("\\s+"))).doesNotContain("冰箱");
    }
  }
}
