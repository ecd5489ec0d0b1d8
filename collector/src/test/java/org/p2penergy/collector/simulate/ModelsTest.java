package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The models' long-run figures, against what their parameters give by hand. */
class ModelsTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void fridgeRunsAreFifteenToTwentyFiveMinutesFortyToSixtyApartFortyPercentDuty() {
    FridgeModel fridge = new FridgeModel(3, NEW_YORK);
    long total = 0;
    FridgeModel.Run previous = null;
    int slots = 10_000;
    for (long slot = 0; slot < slots; slot++) {
      FridgeModel.Run run = fridge.runInSlot(slot);
      assertThat(run.length()).isBetween(15 * 60_000L, 25 * 60_000L);
      assertThat(run.surge()).isBetween(8_000L, 20_000L);
      if (previous != null) {
        assertThat(run.start() - previous.start()).isBetween(40 * 60_000L, 60 * 60_000L);
        assertThat(run.start()).isGreaterThan(previous.start() + previous.length());
      }
      total += run.length();
      previous = run;
    }
    // E[length] = 20 min over a 50-min slot; sd of the mean over 10 000 runs is 0.003 of duty
    assertThat(total / (slots * 50.0 * 60_000)).isCloseTo(0.40, within(0.01));
  }

  @Test
  void fridgeLevelsAreTheMeasuredOnes() {
    FridgeModel fridge = new FridgeModel(3, NEW_YORK);
    FridgeModel.Run run = fridge.runInSlot(1_000);
    assertThat(fridge.watts(run.start())).isEqualTo(840);
    long cooling = run.start() + run.surge() + 1;
    assertThat(fridge.watts(cooling)).isIn(145.0, 160.0);
    assertThat(fridge.watts(run.start() + run.length() + 1)).isIn(20.0, 35.0);
  }

  @Test
  void fridgeDoorOpensAFewTimesADay() {
    FridgeModel fridge = new FridgeModel(3, NEW_YORK);
    long day0 = Instant.parse("2026-01-01T05:00:00Z").toEpochMilli();
    int openings = 0;
    int days = 200;
    boolean wasOpen = false;
    for (long t = day0;
        t < day0 + days * 86_400_000L;
        t += 9_000) { // openings last 10 s or more, so none is missed
      boolean open = fridge.doorOpen(t);
      if (open && !wasOpen) {
        openings++;
      }
      wasOpen = open;
    }
    // 17 day hours × 0.35 + 7 night hours × 0.03 = 6.16 a day
    assertThat(openings / (double) days).isCloseTo(6.16, within(0.5));
  }

  @Test
  void microwaveSessionsAtMealTimesAndItsThreeLevels() {
    MicrowaveModel microwave = new MicrowaveModel(3, NEW_YORK);
    long day0 = Instant.parse("2026-01-01T05:00:00Z").toEpochMilli();
    int days = 365;
    int sessions = 0;
    double was = 0;
    java.util.Set<Double> levels = new java.util.TreeSet<>();
    java.util.Set<Integer> hours = new java.util.TreeSet<>();
    for (long t = day0; t < day0 + days * 86_400_000L; t += 25_000) { // sessions last >= 30 s
      double w = microwave.watts(t);
      levels.add(w);
      if (w > 0) {
        hours.add(Instant.ofEpochMilli(t).atZone(NEW_YORK).getHour());
      }
      if (w > 0 && was == 0) {
        sessions++;
      }
      was = w;
    }
    assertThat(levels).containsExactly(0.0, 700.0, 1200.0, 2000.0);
    assertThat(hours).allMatch(h -> h >= 7 && h <= 22).contains(7, 12, 18);
    // 2 × 0.35 + 2 × 0.40 + 3 × 0.50 + 9 × 0.05 = 3.45 a day
    assertThat(sessions / (double) days).isCloseTo(3.45, within(0.25));
  }

  @Test
  void readingsAreOneToFourSecondsApartWithTheNoiseFloorAndStrictlyIncreasing() {
    ModelTimeline pi = new ModelTimeline("p", "pi", t -> 1.0, 9, EnumSet.allOf(ReadingEvent.class));
    List<SimEvent> block = pi.block(123_456);
    long blockStart = 123_456 * ModelTimeline.BLOCK_MS;
    assertThat(block.get(0).publishedAtMillis()).isBetween(blockStart + 100, blockStart + 1_100);
    for (int i = 0; i < block.size(); i++) {
      SimEvent e = block.get(i);
      assertThat(e.publishedAtMillis()).isLessThan(blockStart + ModelTimeline.BLOCK_MS - 900);
      if (i > 0) {
        assertThat(e.publishedAtMillis()).isGreaterThan(block.get(i - 1).publishedAtMillis());
      }
      switch (e.name()) {
        case "power" -> assertThat(Double.parseDouble(e.data())).isCloseTo(6.5, within(0.31));
        case "rms_current" ->
            assertThat(Double.parseDouble(e.data())).isCloseTo(6.5 / 120, within(0.003));
        default -> assertThat(e.data()).isEqualTo("120.0");
      }
      if (i >= 3 && e.name().equals("power")) {
        long gap = e.publishedAtMillis() - block.get(i - 3).publishedAtMillis();
        assertThat(gap).isBetween(1_000L, 4_000L);
      }
    }
    // the same block again is the same (a pure function of seed, device and time)
    assertThat(pi.block(123_456)).isEqualTo(block);
  }
}
