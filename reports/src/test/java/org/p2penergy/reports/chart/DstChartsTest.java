package org.p2penergy.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.reports.pdf.FontSet;
import org.p2penergy.reports.pdf.ReportPeriod;

/**
 * The day charts on the clock-change days: data sit at elapsed hours, the axis says the wall-clock
 * time there. Expected positions are worked out by hand in {@link DayClockTest}; here they are
 * checked on the charts as drawn.
 */
class DstChartsTest {

  /** What the axis hands JFreeChart to draw: value and text of every tick. */
  static List<String> drawnTicks(XYPlot plot) {
    BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      @SuppressWarnings("unchecked")
      List<NumberTick> ticks =
          plot.getDomainAxis()
              .refreshTicks(
                  g2,
                  new AxisState(),
                  new Rectangle2D.Double(0, 0, 400, 200),
                  RectangleEdge.BOTTOM);
      return ticks.stream().map(t -> t.getValue() + "=" + t.getText()).toList();
    } finally {
      g2.dispose();
    }
  }

  @Nested
  class FallBack {
    // 07:30-07:34 EST: 8.5 h after 00:00 EDT
    final DaySummary day =
        DstDays.day(
            DstDays.FALL_BACK,
            i -> 0.1,
            DstDays.heating("2026-11-01T07:30-05:00", "2026-11-01T07:34-05:00", "level 6"));
    final ChartInput input = DstDays.input(ReportPeriod.DAY, DstDays.FALL_BACK, day);

    @Test
    void powerCurveAxisShowsTheWallClock() {
      XYPlot plot = (XYPlot) PowerCurveChart.create(input, day).getPlot();
      XYDataset data = plot.getDataset();

      assertThat(data.getItemCount(0)).isEqualTo(25);
      // the 9th real hour (index 8, 08:00Z+4 = 07:00 EST) is 8 h in, below the 7..10 span of 6-9
      assertThat(data.getXValue(0, 8)).isEqualTo(8.0);
      assertThat(plot.getDomainAxis().getUpperBound()).isEqualTo(25.0);
      assertThat(drawnTicks(plot))
          .containsExactly(
              "0.0=0",
              "2.0=1 EST",
              "4.0=3",
              "7.0=6",
              "10.0=9",
              "13.0=12",
              "16.0=15",
              "19.0=18",
              "22.0=21",
              "25.0=24");
    }

    @Test
    void stateTimelinePlacesASessionAtItsLocalTime() {
      XYPlot plot = (XYPlot) StateTimelineChart.create(input, day).getPlot();

      assertThat(plot.getDataset().getXValue(0, 0)).isEqualTo(8.5);
      // 8.5 lies half-way between the ticks at 7 ("6") and 10 ("9"): 07:30 on the clock
      assertThat(drawnTicks(plot)).contains("7.0=6", "10.0=9", "2.0=1 EST");
    }

    @Test
    void drawnAxesCarryTheClockChangeAsText() throws Exception {
      try (PDDocument doc = new PDDocument()) {
        FontSet fonts = FontSet.load(doc, Optional.empty());
        String text = ChartDrawerTest.drawnText(PowerCurveChart.create(input, day), doc, fonts);
        assertThat(text).contains("1 EST", "hour (America/New_York)", "24");
      }
    }
  }

  @Nested
  class SpringForward {
    // 07:30-07:33 EDT: 6.5 h after 00:00 EST
    final DaySummary day =
        DstDays.day(
            DstDays.SPRING_FORWARD,
            i -> 0.1,
            DstDays.heating("2026-03-08T07:30-04:00", "2026-03-08T07:33-04:00", "level 3"));
    final ChartInput input = DstDays.input(ReportPeriod.DAY, DstDays.SPRING_FORWARD, day);

    @Test
    void powerCurveAxisShowsTheWallClock() {
      XYPlot plot = (XYPlot) PowerCurveChart.create(input, day).getPlot();

      assertThat(plot.getDataset().getItemCount(0)).isEqualTo(23);
      assertThat(plot.getDomainAxis().getUpperBound()).isEqualTo(23.0);
      assertThat(drawnTicks(plot))
          .containsExactly(
              "0.0=0",
              "2.0=3 EDT",
              "5.0=6",
              "8.0=9",
              "11.0=12",
              "14.0=15",
              "17.0=18",
              "20.0=21",
              "23.0=24");
    }

    @Test
    void stateTimelinePlacesASessionAtItsLocalTime() {
      XYPlot plot = (XYPlot) StateTimelineChart.create(input, day).getPlot();

      assertThat(plot.getDataset().getXValue(0, 0)).isEqualTo(6.5);
      // half-way between 5 ("6") and 8 ("9"): 07:30 on the clock
      assertThat(drawnTicks(plot)).contains("5.0=6", "8.0=9", "2.0=3 EDT");
    }

    @Test
    void drawnAxesCarryTheClockChangeAsText() throws Exception {
      try (PDDocument doc = new PDDocument()) {
        FontSet fonts = FontSet.load(doc, Optional.empty());
        String text = ChartDrawerTest.drawnText(StateTimelineChart.create(input, day), doc, fonts);
        assertThat(text).contains("3 EDT", "hour (America/New_York)", "heating (level 3)");
      }
    }
  }

  @Nested
  class Heatmap {
    @Test
    void theRepeatedHourHasItsOwnRow() {
      // 1 Nov: the first 1 a.m. (EDT, index 1) 0.2 kWh, the second (EST, index 2) 0.5 kWh, else
      // 0.1; 2 Nov is an ordinary day at 0.1 an hour.
      DaySummary fallBack = DstDays.day(DstDays.FALL_BACK, i -> i == 1 ? 0.2 : i == 2 ? 0.5 : 0.1);
      DaySummary next = DstDays.day(DstDays.FALL_BACK.plusDays(1), i -> 0.1);
      JFreeChart chart =
          HeatmapChart.create(
              DstDays.input(ReportPeriod.WEEK, DstDays.FALL_BACK.plusDays(1), fallBack, next));
      XYPlot plot = (XYPlot) chart.getPlot();
      XYZDataset data = (XYZDataset) plot.getDataset();

      // the 2 days with a summary x 25 rows (0, 1, 1 again, 2 .. 23); 1 Nov is column 0
      int rows = 25;
      assertThat(data.getItemCount(0)).isEqualTo(2 * rows);
      int nov1 = 0;
      int nov2 = rows;
      assertThat(data.getZValue(0, nov1 + 1)).isEqualTo(0.2); // 1 a.m. EDT
      assertThat(data.getZValue(0, nov1 + 2)).isEqualTo(0.5); // 1 a.m. EST, not 0.7 in one cell
      assertThat(data.getZValue(0, nov1 + 3)).isEqualTo(0.1); // 2 a.m.
      assertThat(data.getZValue(0, nov2 + 1)).isEqualTo(0.1);
      assertThat(data.getZValue(0, nov2 + 2)).isZero(); // no second 1 a.m. on 2 Nov
      assertThat(data.getYValue(0, nov1 + 2)).isEqualTo(2.0);
      TickedAxis hours = (TickedAxis) plot.getRangeAxis();
      assertThat(hours.ticks())
          .containsExactly(
              new Tick(0, "0"),
              new Tick(1, "1"),
              new Tick(2, "1 (2nd)"),
              new Tick(4, "3"),
              new Tick(7, "6"),
              new Tick(10, "9"),
              new Tick(13, "12"),
              new Tick(16, "15"),
              new Tick(19, "18"),
              new Tick(22, "21"));
    }

    @Test
    void theSkippedHourIsAnEmptyCell() {
      // 8 Mar: 23 real hours at 0.1 kWh; 2 a.m. never happened
      DaySummary day = DstDays.day(DstDays.SPRING_FORWARD, i -> 0.1);
      JFreeChart chart =
          HeatmapChart.create(DstDays.input(ReportPeriod.WEEK, DstDays.SPRING_FORWARD, day));
      XYZDataset data = (XYZDataset) ((XYPlot) chart.getPlot()).getDataset();

      int col = 0; // the one day with a summary, 24 rows: nothing repeated
      assertThat(data.getItemCount(0)).isEqualTo(24);
      assertThat(data.getZValue(0, col + 1)).isEqualTo(0.1);
      assertThat(data.getZValue(0, col + 2)).isZero();
      assertThat(data.getZValue(0, col + 3)).isEqualTo(0.1);
    }
  }
}
