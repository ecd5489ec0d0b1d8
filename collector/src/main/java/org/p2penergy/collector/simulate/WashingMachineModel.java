package org.p2penergy.collector.simulate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * A washing machine: standby (a watt or two) except on the days it runs one cycle (with probability
 * {@code cyclesPerDay}), starting between 07:00 and 20:00 local time: fill 3–5 min (20 W), heat the
 * water (the heater, about 2000 W) 6–9 min for 30 °C, 10–14 min for 40 °C or 18–25 min for 60 °C
 * (30 / 40 / 30 % of the cycles), wash 30–55 min and rinse 10–20 min turning the drum (150–250 W),
 * spin 5–10 min (300–500 W): 54–115 min in all.
 */
final class WashingMachineModel extends LocalDays<WashingMachineModel.Cycle> {
  static final double FILL_W = 20;

  private static final long CYCLE = Seeds.tag("washing_machine/cycle");

  /** The heater, drum, spin and standby power, and the chance of a cycle on a given day. */
  record Params(double heaterW, double drumW, double spinW, double standbyW, double cyclesPerDay) {}

  /**
   * One cycle: phase {@code i} runs from {@code edges[i]} to {@code edges[i + 1]} at {@code
   * watts[i]}; null on a day without one.
   */
  record Cycle(long[] edges, double[] watts) {
    long start() {
      return edges[0];
    }

    long end() {
      return edges[edges.length - 1];
    }
  }

  private final Params p;

  WashingMachineModel(long seed, ZoneId zone, Params params) {
    super(seed, CYCLE, zone);
    this.p = params;
  }

  @Override
  Cycle draw(LocalDate date, long dayStart, SplittableRandom random) {
    if (random.nextDouble() >= p.cyclesPerDay()) {
      return null;
    }
    long start = at(date, 7) + random.nextLong(13 * HOUR_MS);
    double programme = random.nextDouble();
    long[] minutes = {
      random.nextLong(3, 6),
      programme < 0.3
          ? random.nextLong(6, 10)
          : programme < 0.7 ? random.nextLong(10, 15) : random.nextLong(18, 26),
      random.nextLong(30, 56),
      random.nextLong(10, 21),
      random.nextLong(5, 11)
    };
    double[] watts = {FILL_W, p.heaterW(), p.drumW(), p.drumW(), p.spinW()};
    long[] edges = new long[minutes.length + 1];
    edges[0] = start;
    for (int i = 0; i < minutes.length; i++) {
      edges[i + 1] = edges[i] + minutes[i] * MINUTE_MS;
    }
    return new Cycle(edges, watts);
  }

  @Override
  double watts(Cycle cycle, long t) {
    if (cycle == null || t < cycle.start() || t >= cycle.end()) {
      return p.standbyW();
    }
    int i = 0;
    while (t >= cycle.edges()[i + 1]) {
      i++;
    }
    return cycle.watts()[i];
  }

  @Override
  void changes(Cycle cycle, LongConsumer out) {
    if (cycle != null) {
      for (long edge : cycle.edges()) {
        out.accept(edge);
      }
    }
  }
}
