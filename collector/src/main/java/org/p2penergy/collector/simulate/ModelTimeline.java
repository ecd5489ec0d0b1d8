package org.p2penergy.collector.simulate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A device whose readings come from a {@link LoadModel}: one reading every 1–4 s (irregular, like a
 * Wi-Fi sensor), each the true load with ±1 % jitter plus the sensor's 5.5 W noise floor with ±0.25
 * W jitter.
 *
 * <p>Time is cut into 10-minute blocks; the reading times and jitter of a block are drawn from a
 * generator seeded by (seed, device, block), so the series is a pure function of the simulated
 * time: two streams that cover the same minutes see the same events whatever their pace.
 */
final class ModelTimeline implements DeviceTimeline {
  static final long BLOCK_MS = 600_000;
  static final long MIN_GAP_MS = 1_000;
  static final long MAX_GAP_MS = 4_000;
  static final double NOISE_FLOOR_W = 5.5;
  static final double NOISE_JITTER_W = 0.25;
  static final double LOAD_JITTER = 0.01;

  /** First reading of a block at 100–1100 ms, so the previous block's burst never overlaps it. */
  private static final long FIRST_MIN_MS = 100;

  private final String deviceId;
  private final String name;
  private final LoadModel load;
  private final long seed;
  private final long deviceTag;
  private final List<ReadingEvent> events;

  ModelTimeline(String deviceId, String name, LoadModel load, long seed, Set<ReadingEvent> events) {
    this.deviceId = deviceId;
    this.name = name;
    this.load = load;
    this.seed = seed;
    this.deviceTag = Seeds.tag(deviceId);
    this.events = List.copyOf(EnumSet.copyOf(events));
  }

  @Override
  public String deviceId() {
    return deviceId;
  }

  @Override
  public String name() {
    return name;
  }

  /** All events of block {@code block}, in order. */
  List<SimEvent> block(long block) {
    SplittableRandom random = Seeds.random(seed, deviceTag, block);
    long end = (block + 1) * BLOCK_MS;
    List<SimEvent> out = new ArrayList<>(300 * events.size());
    long t = block * BLOCK_MS + FIRST_MIN_MS + random.nextLong(1000);
    while (t < end) {
      double watts =
          load.watts(t) * (1 + LOAD_JITTER * Seeds.jitter(random))
              + NOISE_FLOOR_W
              + NOISE_JITTER_W * Seeds.jitter(random);
      watts = Math.max(0, watts);
      for (ReadingEvent event : events) {
        out.add(
            new SimEvent(deviceId, event.eventName(), t + event.offsetMillis(), event.data(watts)));
      }
      t += random.nextLong(MIN_GAP_MS, MAX_GAP_MS + 1);
    }
    return out;
  }

  @Override
  public EventCursor cursor(long fromMillis) {
    return new BlockCursor(fromMillis);
  }

  @Override
  public long lastAtOrBefore(long t) {
    for (long block = Math.floorDiv(t, BLOCK_MS); ; block--) {
      List<SimEvent> list = block(block);
      for (int i = list.size() - 1; i >= 0; i--) {
        if (list.get(i).publishedAtMillis() <= t) {
          return list.get(i).publishedAtMillis();
        }
      }
    }
  }

  private final class BlockCursor implements EventCursor {
    private long block;
    private List<SimEvent> current;
    private int index;

    BlockCursor(long from) {
      block = Math.floorDiv(from, BLOCK_MS);
      current = block(block);
      while (index < current.size() && current.get(index).publishedAtMillis() < from) {
        index++;
      }
      fill();
    }

    private void fill() {
      while (index >= current.size()) {
        current = block(++block);
        index = 0;
      }
    }

    @Override
    public SimEvent peek() {
      return current.get(index);
    }

    @Override
    public void advance() {
      index++;
      fill();
    }
  }
}
