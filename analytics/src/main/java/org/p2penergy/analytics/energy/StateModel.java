package org.p2penergy.analytics.energy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.p2penergy.home.config.Appliance;
import org.p2penergy.home.config.ApplianceKind;
import org.p2penergy.home.config.ApplianceState;

/**
 * Classifies a power value (after the noise floor) to the appliance's nominal states. The boundary
 * between two neighbouring states is the geometric midpoint of (watts + 1): loads differ by factors
 * (20 W idle vs 160 W cooling), so halfway on a log scale matches what a person would say. The
 * lowest state is the resting state; "active" states (compressor, cooking, on) make up cycles.
 */
public final class StateModel {
  private static final Set<String> RESTING_NAMES = Set.of("off", "standby", "idle", "door_open");

  private final ApplianceKind kind;
  private final List<String> names;
  private final double[] upperBounds;
  private final boolean[] active;

  private StateModel(ApplianceKind kind, List<ApplianceState> states) {
    this.kind = kind;
    List<ApplianceState> sorted = new ArrayList<>(states);
    sorted.sort(Comparator.comparingDouble(ApplianceState::watts));
    if (sorted.isEmpty()) {
      sorted.add(new ApplianceState("on", 0));
    }
    this.names = sorted.stream().map(ApplianceState::name).toList();
    this.upperBounds = new double[sorted.size() - 1];
    for (int i = 0; i < upperBounds.length; i++) {
      double a = sorted.get(i).watts() + 1;
      double b = sorted.get(i + 1).watts() + 1;
      upperBounds[i] = Math.sqrt(a * b) - 1;
    }
    this.active = new boolean[sorted.size()];
    for (int i = 1; i < active.length; i++) {
      active[i] = !RESTING_NAMES.contains(names.get(i));
    }
  }

  public static StateModel of(Appliance appliance) {
    return new StateModel(appliance.kind(), appliance.states());
  }

  public static StateModel of(ApplianceKind kind, List<ApplianceState> states) {
    return new StateModel(kind, states);
  }

  /** The index (in ascending watts order) of the state for {@code watts}. */
  public int classify(double watts) {
    for (int i = 0; i < upperBounds.length; i++) {
      if (watts < upperBounds[i]) {
        return i;
      }
    }
    return upperBounds.length;
  }

  public int size() {
    return names.size();
  }

  public String name(int state) {
    return names.get(state);
  }

  public int indexOf(String name) {
    return names.indexOf(name);
  }

  /** Upper bound of state {@code i} (exclusive), for tests and docs. */
  public double upperBound(int state) {
    return state < upperBounds.length ? upperBounds[state] : Double.POSITIVE_INFINITY;
  }

  public boolean isActive(int state) {
    return active[state];
  }

  public boolean isResting(int state) {
    return state == 0;
  }

  public boolean isFridge() {
    return kind == ApplianceKind.FRIDGE;
  }

  /** What a timeline entry says beside its state: the microwave's power level. */
  public String detail(int state) {
    String name = names.get(state);
    if (kind == ApplianceKind.MICROWAVE && name.startsWith("level_")) {
      return "level " + name.substring("level_".length());
    }
    return "";
  }
}
