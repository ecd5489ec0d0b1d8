package org.p2penergy.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.config.ConfigLoader;

class HomePassTest {
  private static final String YAML = "home: {id: elm-1, timezone: UTC}\n";

  private static String file(LocalDate utcDate) {
    return "/data/readings/home=elm-1/date=" + utcDate + "/part-0.parquet";
  }

  @Test
  void aLongRunIsCutIntoWeeksEachWithTheFilesOfTheUtcDatesItTouches() {
    LocalDate first = LocalDate.of(2026, 11, 1);
    List<String> files = new ArrayList<>();
    for (int d = -3; d <= 13; d++) files.add(file(first.plusDays(d)));
    String undated = "/data/readings/home=elm-1/part-stray.parquet";
    files.add(undated);
    AnalyzeRequest.HomeInput home =
        new AnalyzeRequest.HomeInput(ConfigLoader.parse(YAML), YAML, false);

    List<HomePass.Unit> units =
        HomePass.units(
            List.of(home),
            Map.of("elm-1", new InputFiles.HomeFiles(files, List.of(), List.of())),
            first,
            first.plusDays(9));

    // Ten days: 1..7 and 8..10 November. In UTC a day's readings lie in its own file, and within
    // the max gap of its midnights in the files of the day before and the day after.
    assertThat(units).hasSize(2);
    HomePass.Unit week = units.get(0);
    assertThat(week.from()).isEqualTo(first);
    assertThat(week.to()).isEqualTo(first.plusDays(6));
    List<String> expected = new ArrayList<>();
    for (int d = -1; d <= 7; d++) expected.add(file(first.plusDays(d)));
    expected.add(undated);
    assertThat(week.files()).containsExactlyElementsOf(expected);
    HomePass.Unit rest = units.get(1);
    assertThat(rest.from()).isEqualTo(first.plusDays(7));
    assertThat(rest.to()).isEqualTo(first.plusDays(9));
    expected.clear();
    for (int d = 6; d <= 10; d++) expected.add(file(first.plusDays(d)));
    expected.add(undated);
    assertThat(rest.files()).containsExactlyElementsOf(expected);
  }
}
