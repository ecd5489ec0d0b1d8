package org.p2penergy.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.OffsetDateTime;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.reports.pdf.ReportPeriod;

class StateLegendTest {
  static final String FRIDGE = "34003d000547363332363639";

  static DaySummary.StateEpisode episode(String device, String state, String detail) {
    OffsetDateTime t = OffsetDateTime.parse("2026-11-27T08:00-05:00");
    return new DaySummary.StateEpisode(device, state, t, t.plusMinutes(3), detail);
  }

  @Test
  void oneEntryPerMicrowaveLevelInNumberOrder() {
    StateLegend legend =
        StateLegend.of(
            List.of(
                episode(FRIDGE, "cooling", ""),
                episode(DstDays.MICROWAVE, "heating", "level 10"),
                episode(FRIDGE, "door_open", ""),
                episode(DstDays.MICROWAVE, "heating", "level 2"),
                episode(DstDays.MICROWAVE, "heating", "level 6"),
                episode(FRIDGE, "cooling", "")));

    assertThat(legend.entries().stream().map(StateLegend.Entry::key))
        .containsExactly(
            "cooling", "heating (level 2)", "heating (level 6)", "heating (level 10)", "door_open");
    // the levels are shades of one colour, lightest for the lowest: sum of RGB goes down
    List<Integer> brightness =
        legend.entries().subList(1, 4).stream()
            .map(StateLegend.Entry::color)
            .map(c -> c.getRed() + c.getGreen() + c.getBlue())
            .toList();
    assertThat(brightness).isSortedAccordingTo((a, b) -> b - a).doesNotHaveDuplicates();
    assertThat(legend.entries().stream().map(StateLegend.Entry::color).distinct()).hasSize(5);
  }

  @Test
  void aStateNamedAfterItsLevelIsNotSaidTwice() {
    // analytics names microwave states level_6 with detail "level 6"
    assertThat(StateLegend.key(episode(DstDays.MICROWAVE, "level_6", "level 6")))
        .isEqualTo("level 6");
    assertThat(StateLegend.key(episode(DstDays.MICROWAVE, "heating", "level 6")))
        .isEqualTo("heating (level 6)");
    assertThat(StateLegend.key(episode(FRIDGE, "cooling", ""))).isEqualTo("cooling");
  }

  @Test
  void theTimelineLegendShowsTheLevels() {
    DaySummary day =
        DstDays.day(
            java.time.LocalDate.of(2026, 11, 27),
            i -> 0.1,
            DstDays.heating("2026-11-27T07:30-05:00", "2026-11-27T07:34-05:00", "level 6"),
            DstDays.heating("2026-11-27T12:00-05:00", "2026-11-27T12:02-05:00", "level 10"));
    JFreeChart chart =
        StateTimelineChart.create(DstDays.input(ReportPeriod.DAY, day.date(), day), day);
    LegendItemCollection items = ((XYPlot) chart.getPlot()).getLegendItems();

    assertThat(items.getItemCount()).isEqualTo(2);
    assertThat(items.get(0).getLabel()).isEqualTo("heating (level 6)");
    assertThat(items.get(1).getLabel()).isEqualTo("heating (level 10)");
    assertThat((Color) items.get(0).getFillPaint()).isNotEqualTo(items.get(1).getFillPaint());
  }
}
