package org.p2penergy.collector.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * A community of simulated homes ({@code simulate --homes N}): homes {@code home-001} to {@code
 * home-N}, each a pure function of (seed, number) drawn by {@link HomeMix}. The simulator streams
 * all their devices on one product stream; {@link CommunityFiles} writes the matching community and
 * home files; {@link CommunityGenerator} writes their readings straight to Parquet.
 */
public final class SimulatedCommunity {
  /** More homes than this would be a benchmark for the generator, not a simulator. */
  public static final int MAX_HOMES = 9_999;

  private final long seed;
  private final int appliances;
  private final List<CommunityHome> homes;

  private SimulatedCommunity(long seed, int appliances, List<CommunityHome> homes) {
    this.seed = seed;
    this.appliances = appliances;
    this.homes = List.copyOf(homes);
  }

  /**
   * @throws IllegalArgumentException unless {@code 1 <= homes <= MAX_HOMES}
   */
  public static SimulatedCommunity of(long seed, int homes) {
    return of(seed, homes, HomeMix.DRAWN_MIX);
  }

  /**
   * Every home with exactly {@code appliances} appliances (a fridge and others), as benchmarks
   * want; {@code 0} for each home's drawn mix.
   *
   * @throws IllegalArgumentException unless {@code 1 <= homes <= MAX_HOMES} and {@code appliances}
   *     is 0 or 1..5
   */
  public static SimulatedCommunity of(long seed, int homes, int appliances) {
    if (appliances < 0 || appliances > HomeMix.MAX_APPLIANCES) {
      throw new IllegalArgumentException(
          "--appliances must be 1.." + HomeMix.MAX_APPLIANCES + ", got " + appliances);
    }
    if (homes < 1 || homes > MAX_HOMES) {
      throw new IllegalArgumentException("--homes must be 1.." + MAX_HOMES + ", got " + homes);
    }
    List<CommunityHome> list = new ArrayList<>();
    for (int n = 1; n <= homes; n++) {
      list.add(HomeMix.home(seed, n, appliances));
    }
    return new SimulatedCommunity(seed, appliances, list);
  }

  public long seed() {
    return seed;
  }

  public int size() {
    return homes.size();
  }

  /** The home ids, {@code home-001} ... */
  public List<String> homeIds() {
    return homes.stream().map(CommunityHome::id).toList();
  }

  /** The device ids of one home, in the order of its home file. */
  public List<String> deviceIds(String homeId) {
    return homes.stream()
        .filter(h -> h.id().equals(homeId))
        .flatMap(h -> h.appliances().stream())
        .map(CommunityHome.Appliance::deviceId)
        .toList();
  }

  List<CommunityHome> homes() {
    return homes;
  }

  /**
   * Home {@code index} (0-based) again, with load models of its own: the same loads, but no cache
   * shared with another thread that asks about other times.
   */
  CommunityHome freshHome(int index) {
    return HomeMix.home(seed, index + 1, appliances);
  }
}
