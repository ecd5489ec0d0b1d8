package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/** Exact and 1 Hz energies of stepped loads, against sums worked out by hand and brute force. */
class LoadEnergyTest {
  /** 100 W over [0, 1.5 s), 40 W over [1.5 s, 4 s), 0 W after. */
  static final SteppedLoad STEPS =
      new SteppedLoad() {
        @Override
        public double watts(long t) {
          return t < 1_500 ? 100 : t < 4_000 ? 40 : 0;
        }

        @Override
        public void changes(long from, long to, LongConsumer out) {
          out.accept(1_500);
          out.accept(4_000);
          out.accept(-7); // outside every interval asked for: ignored
        }
      };

  @Test
  void piecesAndEnergiesOfAHandMadeLoad() {
    assertThat(LoadEnergy.pieces(STEPS, 600, 5_000))
        .containsExactly(
            new LoadEnergy.Piece(600, 1_500, 100),
            new LoadEnergy.Piece(1_500, 4_000, 40),
            new LoadEnergy.Piece(4_000, 5_000, 0));
    // 100 W × 0.9 s + 40 W × 2.5 s = 190 Ws
    assertThat(LoadEnergy.exactWs(STEPS, 600, 5_000)).isCloseTo(190, within(1e-9));
    // samples at 1, 2, 3, 4 s: 100 + 40 + 40 + 0 W, each held 1 s
    assertThat(LoadEnergy.sampledWs(STEPS, 600, 5_000, 1_000)).isCloseTo(180, within(1e-9));
    // from 0: samples at 0, 1, 2, 3 s = 100 + 100 + 40 + 40; [0, 4 s) exact 150 + 100
    assertThat(LoadEnergy.sampledWs(STEPS, 0, 4_000, 1_000)).isCloseTo(280, within(1e-9));
    assertThat(LoadEnergy.exactWs(STEPS, 0, 4_000)).isCloseTo(250, within(1e-9));
    assertThat(LoadEnergy.pieces(STEPS, 10, 10)).isEmpty();
  }

  @Test
  void ceilDivRoundsUpOnBothSidesOfZero() {
    assertThat(LoadEnergy.ceilDiv(1_500, 1_000)).isEqualTo(2);
    assertThat(LoadEnergy.ceilDiv(2_000, 1_000)).isEqualTo(2);
    assertThat(LoadEnergy.ceilDiv(-1_500, 1_000)).isEqualTo(-1);
  }

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final long DAY0 = Instant.parse("2026-11-22T23:00:00Z").toEpochMilli(); // Berlin midnight

  /** One of each community model, with parameters of a community home. */
  static List<SteppedLoad> models() {
    SimulatedCommunity community = SimulatedCommunity.of(11, 40);
    List<SteppedLoad> out = new java.util.ArrayList<>();
    for (org.p2penergy.home.config.ApplianceKind kind :
        org.p2penergy.home.config.ApplianceKind.values()) {
      community.homes().stream()
          .flatMap(h -> h.appliances().stream())
          .filter(a -> a.kind() == kind)
          .findFirst()
          .ifPresent(a -> out.add(a.load()));
    }
    return out;
  }

  @Test
  void theOneHertzEnergyOfEveryModelIsTheSumOfItsSamplesOverADay() {
    List<SteppedLoad> models = models();
    assertThat(models).hasSize(5); // fridge, microwave, kettle, washing machine, computer
    for (SteppedLoad load : models) {
      // five days, so that days with a washing cycle or a computer session come up
      for (long day = DAY0; day < DAY0 + 5 * 86_400_000L; day += 86_400_000L) {
        double samples = 0;
        for (long t = day; t < day + 86_400_000L; t += 1_000) {
          samples += load.watts(t);
        }
        assertThat(LoadEnergy.sampledWs(load, day, day + 86_400_000L, 1_000))
            .as(load.getClass().getSimpleName())
            .isCloseTo(samples, within(1e-6 * Math.max(1, samples)));
      }
    }
  }

  @Test
  void piecesCoverTheIntervalAndThePowerIsConstantInEach() {
    for (SteppedLoad load : models()) {
      long from = DAY0 + 123; // off the second
      long to = from + 3 * 86_400_000L;
      List<LoadEnergy.Piece> pieces = LoadEnergy.pieces(load, from, to);
      assertThat(pieces.get(0).start()).isEqualTo(from);
      assertThat(pieces.get(pieces.size() - 1).end()).isEqualTo(to);
      double exact = 0;
      for (int i = 0; i < pieces.size(); i++) {
        LoadEnergy.Piece p = pieces.get(i);
        if (i > 0) {
          assertThat(p.start()).isEqualTo(pieces.get(i - 1).end());
        }
        // every 250 ms and the last millisecond: a change missed by changes() shows here
        for (long t = p.start(); t < p.end(); t += 250) {
          assertThat(load.watts(t))
              .as("%s at %d", load.getClass().getSimpleName(), t)
              .isEqualTo(p.watts());
        }
        assertThat(load.watts(p.end() - 1)).isEqualTo(p.watts());
        exact += p.watts() * (p.end() - p.start()) / 1000.0;
      }
      assertThat(LoadEnergy.exactWs(load, from, to)).isCloseTo(exact, within(1e-6 * exact));
    }
  }
}
