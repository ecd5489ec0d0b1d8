package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One simulated day of the demo home, streamed at full speed, against ranges worked out by hand
 * from the model's parameters (see FridgeModel and MicrowaveModel):
 *
 * <ul>
 *   <li>Fridge duty cycle: one run of U[15, 25] min per 50-min slot, so 20/50 = 0.40 on average. A
 *       day holds 28.8 slots; the day mean of 29 runs has a standard deviation of
 *       (10/sqrt(12))/sqrt(29) = 0.54 min, about 0.011 of duty, plus up to 25/1440 = 0.017 for the
 *       slots cut at midnight: expect 0.33..0.47.
 *   <li>Fridge mean power: 5.5 (noise floor) + 20 (idle) + duty × (145 - 20) + start surges (28.8
 *       runs × 8..20 s × (840 - 145) W / 86 400 s = 1.9..4.6 W) + doors (well under 1 W): with the
 *       duty range that is 68.7..89.1 W.
 *   <li>Runs: 28.8 a day, at most 31 starts in 24 h (a start every 40 min at the quickest) and at
 *       least 23 (every 60 min), each 15..25 min long.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealismIT {
  static final Instant START = Instant.parse("2026-11-27T05:00:00Z"); // midnight in New York
  static final double ON_THRESHOLD_W = (25.5 + 150.5) / 2; // between idle and cooling readings

  record Reading(String coreid, long t, double watts) {}

  final List<Reading> readings = new ArrayList<>();

  @BeforeAll
  void streamOneDay() throws Exception {
    try (ParticleCloudSimulator cloud =
            ParticleCloudSimulator.builder()
                .seed(2026)
                .speed(1_000_000)
                .start(START)
                .duration(Duration.ofDays(1))
                .holdClockUntilFirstStream(true)
                .keepAlive(Duration.ofMillis(100))
                .build()
                .start();
        SseClient client = SseClient.open(cloud.baseUri().resolve("/v1/devices/events"), "t")) {
      String block;
      while ((block = client.nextBlock()) != null) {
        if (block.startsWith("event:")) {
          SseClient.Event e = SseClient.parse(block);
          readings.add(
              new Reading(
                  e.coreid(),
                  Instant.parse(e.publishedAt()).toEpochMilli(),
                  Double.parseDouble(e.value())));
        } else if (block.equals("\n") && cloud.finished()) {
          break; // a keep-alive after the end: everything has been sent
        }
      }
    }
  }

  List<Reading> of(String coreid) {
    return readings.stream().filter(r -> r.coreid().equals(coreid)).toList();
  }

  @Test
  void theDayIsCompleteAndReadingsComeEveryOneToFourSeconds() {
    for (String id :
        List.of(SimulatedHome.FRIDGE_ID, SimulatedHome.MICROWAVE_ID, SimulatedHome.PI_ID)) {
      List<Reading> device = of(id);
      // mean gap 2.5 s: 34 560 readings a day, give or take the randomness of the gaps
      assertThat(device.size()).as(id).isBetween(33_000, 36_500);
      assertThat(device.get(0).t()).isBetween(START.toEpochMilli(), START.toEpochMilli() + 1_100);
      assertThat(device.get(device.size() - 1).t())
          .isBetween(START.toEpochMilli() + 86_400_000 - 7_000, START.toEpochMilli() + 86_400_000);
      int over4s = 0;
      for (int i = 1; i < device.size(); i++) {
        long gap = device.get(i).t() - device.get(i - 1).t();
        assertThat(gap).isBetween(1_000L, 6_100L);
        if (gap > 4_000) {
          over4s++;
        }
      }
      assertThat(over4s)
          .as("gaps over 4 s, only at 10-minute block edges")
          .isLessThanOrEqualTo(144);
    }
  }

  @Test
  void fridgeDutyCycleAndMeanPowerAreInTheModelsRange() {
    List<Reading> fridge = of(SimulatedHome.FRIDGE_ID);
    double duty =
        fridge.stream().filter(r -> r.watts() > ON_THRESHOLD_W).count() / (double) fridge.size();
    double mean = fridge.stream().mapToDouble(Reading::watts).average().orElseThrow();
    assertThat(duty).isBetween(0.33, 0.47);
    assertThat(mean).isBetween(68.7, 89.1);
  }

  @Test
  void fridgeRunsAreFifteenToTwentyFiveMinutesAndStartWithTheSurge() {
    List<Reading> fridge = of(SimulatedHome.FRIDGE_ID);
    List<long[]> runs = new ArrayList<>();
    long runStart = -1;
    double firstWatts = 0;
    for (int i = 0; i < fridge.size(); i++) {
      Reading r = fridge.get(i);
      boolean on = r.watts() > ON_THRESHOLD_W;
      if (on && runStart < 0) {
        runStart = r.t();
        firstWatts = r.watts();
        if (i > 0) {
          // a run seen from its start opens with the 840 W surge (±1 % jitter, + 5.5 W floor)
          assertThat(firstWatts).isCloseTo(845.5, within(9.0));
        }
      } else if (!on && runStart >= 0) {
        runs.add(new long[] {runStart, r.t()});
        runStart = -1;
      }
    }
    assertThat(runs.size()).isBetween(23, 31);
    for (long[] run : runs.subList(1, runs.size())) {
      long minutes10 = (run[1] - run[0]) * 10 / 60_000;
      // 15..25 min, measured between readings up to 6 s apart
      assertThat(minutes10).isBetween(149L, 251L);
    }
    for (int i = 1; i < runs.size(); i++) {
      long between = runs.get(i)[0] - runs.get(i - 1)[0];
      assertThat(between).isBetween(40 * 60_000L - 6_000, 60 * 60_000L + 6_000);
    }
  }

  @Test
  void microwaveOnlyAtItsPowerLevelsAndPiAtOneWatt() {
    for (Reading r : of(SimulatedHome.MICROWAVE_ID)) {
      double load = r.watts() - 5.5;
      boolean off = Math.abs(load) <= 0.31;
      boolean level =
          List.of(700.0, 1200.0, 2000.0).stream()
              .anyMatch(w -> Math.abs(load - w) <= w * 0.01 + 0.31);
      assertThat(off || level).as("%s W", r.watts()).isTrue();
    }
    for (Reading r : of(SimulatedHome.PI_ID)) {
      assertThat(r.watts()).isCloseTo(6.5, within(0.31));
    }
  }
}
