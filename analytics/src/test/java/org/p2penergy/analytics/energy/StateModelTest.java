package org.p2penergy.analytics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.config.ApplianceKind;
import org.p2penergy.home.config.ApplianceState;

class StateModelTest {
  private static String state(StateModel model, double watts) {
    return model.name(model.classify(watts));
  }

  @Test
  void fridgeBoundariesAreGeometricMidpoints() {
    StateModel fridge = StateModel.of(ApplianceKind.FRIDGE, ApplianceKind.FRIDGE.defaultStates());
    // sqrt(21 * 36) - 1 = 26.495; sqrt(36 * 161) - 1 = 75.13; sqrt(161 * 841) - 1 = 366.97
    assertThat(fridge.upperBound(0)).isCloseTo(26.495, within(1e-3));
    assertThat(fridge.upperBound(1)).isCloseTo(75.13, within(1e-2));
    assertThat(fridge.upperBound(2)).isCloseTo(366.97, within(1e-2));
    assertThat(state(fridge, 14.5)).isEqualTo("idle");
    assertThat(state(fridge, 29.5)).isEqualTo("door_open");
    assertThat(state(fridge, 154.5)).isEqualTo("cooling");
    assertThat(state(fridge, 834.5)).isEqualTo("start_surge");
    assertThat(fridge.isActive(fridge.indexOf("cooling"))).isTrue();
    assertThat(fridge.isActive(fridge.indexOf("start_surge"))).isTrue();
    assertThat(fridge.isActive(fridge.indexOf("door_open"))).isFalse();
  }

  @Test
  void microwaveLevelsAndDetail() {
    StateModel mw = StateModel.of(ApplianceKind.MICROWAVE, ApplianceKind.MICROWAVE.defaultStates());
    assertThat(state(mw, 0)).isEqualTo("off");
    assertThat(state(mw, 694.5)).isEqualTo("level_3");
    assertThat(state(mw, 1194.5)).isEqualTo("level_6");
    assertThat(state(mw, 1994.5)).isEqualTo("level_10");
    assertThat(mw.detail(mw.indexOf("level_6"))).isEqualTo("level 6");
    assertThat(mw.detail(mw.indexOf("off"))).isEmpty();
  }

  @Test
  void genericOnIsAboveTheLogMidpointNotTheLinearOne() {
    StateModel generic =
        StateModel.of(ApplianceKind.GENERIC, ApplianceKind.GENERIC.defaultStates());
    assertThat(state(generic, 0.5)).isEqualTo("off");
    assertThat(state(generic, 4)).isEqualTo("standby");
    assertThat(state(generic, 50)).isEqualTo("on"); // linear nearest would say standby
    assertThat(generic.isActive(generic.indexOf("on"))).isTrue();
    assertThat(generic.isActive(generic.indexOf("standby"))).isFalse();
  }

  @Test
  void statesGivenOutOfOrderAreSortedByWatts() {
    StateModel pi =
        StateModel.of(
            ApplianceKind.GENERIC,
            List.of(new ApplianceState("on", 1), new ApplianceState("off", 0)));
    assertThat(pi.name(0)).isEqualTo("off");
    assertThat(state(pi, 0.9)).isEqualTo("on"); // boundary sqrt(1 * 2) - 1 = 0.414
    assertThat(state(pi, 0.3)).isEqualTo("off");
  }
}
