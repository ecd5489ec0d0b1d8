package org.p2penergy.collector.simulate;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.p2penergy.collector.store.IoFaults;
import org.p2penergy.collector.store.ParquetOptions;
import org.p2penergy.collector.store.ReadingsFileWriter;
import org.p2penergy.home.layout.DataLayout;

/**
 * Writes a simulated community's readings straight to Parquet, for tests and benchmarks: N homes
 * (the homes of {@code simulate --homes N}) × D local days from {@code start} in each home's zone,
 * one reading a second per appliance ({@link SecondReadings}). The layout, in {@code dir}:
 *
 * <pre>
 * community.yaml, homes/home-NNN.yaml   the community files (storage: data)
 * data/readings/home=H/date=D/part-generated.parquet   one file per home and UTC date
 * expected.csv                          each home, device and local date's kWh ({@link ExpectedEnergy})
 * </pre>
 *
 * Files are written with the collector's own {@link ReadingsFileWriter} and {@link
 * ParquetOptions#DEFAULT}, so they are what {@code collect} writes: sorted by (device_id, ts),
 * published by atomic rename. One task per (home, UTC date) on {@code threads} threads, each with
 * its own model instances.
 */
public final class CommunityGenerator {
  static final String PART = "part-generated.parquet";

  /**
   * @param dir where the files go (created; {@code dir/data/readings} must not exist or be empty)
   * @param threads how many files are written at once (the machine's cores, say)
   */
  public record Settings(
      Path dir, long seed, int homes, int appliances, LocalDate start, int days, int threads) {
    public Settings {
      if (days < 1 || days > 3_660) {
        throw new IllegalArgumentException("--days must be 1..3660, got " + days);
      }
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("--threads must be 1..256, got " + threads);
      }
    }
  }

  /** What was written, and how long it took (wall time of the whole run). */
  public record Result(long readings, int files, long bytes, double seconds) {
    public double readingsPerSecond() {
      return readings / Math.max(seconds, 1e-9);
    }

    public double bytesPerReading() {
      return readings == 0 ? 0 : (double) bytes / readings;
    }
  }

  private record Task(int index, LocalDate utcDate) {}

  private record Written(long readings, long bytes) {}

  private CommunityGenerator() {}

  /**
   * @throws IllegalArgumentException for a bad setting
   * @throws FileAlreadyExistsException if {@code dir/data/readings} already holds something
   * @throws IOException if a file cannot be written (the files already published stay)
   */
  public static Result generate(Settings s) throws IOException, InterruptedException {
    long began = System.nanoTime();
    SimulatedCommunity community = SimulatedCommunity.of(s.seed(), s.homes(), s.appliances());
    Path data = s.dir().resolve(CommunityFiles.DATA);
    Path readings = data.resolve(DataLayout.READINGS);
    if (Files.isDirectory(readings)) {
      try (Stream<Path> entries = Files.list(readings)) {
        if (entries.findAny().isPresent()) {
          throw new FileAlreadyExistsException(
              readings.toString(), null, "holds readings already; generate into a new folder");
        }
      }
    }
    CommunityFiles.write(s.dir(), community);
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < community.size(); i++) {
      for (LocalDate d : utcDates(community.homes().get(i), s.start(), s.days())) {
        tasks.add(new Task(i, d));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(s.threads(), CommunityGenerator::thread);
    long rows = 0;
    long bytes = 0;
    try {
      List<Future<Written>> futures = new ArrayList<>();
      for (Task t : tasks) {
        futures.add(pool.submit(() -> write(data, community.freshHome(t.index()), t.utcDate(), s)));
      }
      for (Future<Written> f : futures) {
        Written w = f.get();
        rows += w.readings();
        bytes += w.bytes();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    ExpectedEnergy.write(
        s.dir().resolve(ExpectedEnergy.FILE), ExpectedEnergy.rows(community, s.start(), s.days()));
    return new Result(rows, tasks.size(), bytes, (System.nanoTime() - began) / 1e9);
  }

  /** The UTC dates the home's window [start, start + days) in its own zone touches. */
  static List<LocalDate> utcDates(CommunityHome home, LocalDate start, int days) {
    long from = start.atStartOfDay(home.zone()).toEpochSecond();
    long to = start.plusDays(days).atStartOfDay(home.zone()).toEpochSecond();
    List<LocalDate> dates = new ArrayList<>();
    LocalDate last = LocalDate.ofEpochDay(Math.floorDiv(to - 1, 86_400));
    for (LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(from, 86_400));
        !d.isAfter(last);
        d = d.plusDays(1)) {
      dates.add(d);
    }
    return dates;
  }

  /** One home's readings of one UTC date, its devices in id order. */
  private static Written write(Path data, CommunityHome home, LocalDate utcDate, Settings s)
      throws IOException {
    long windowStart = s.start().atStartOfDay(home.zone()).toEpochSecond();
    long windowEnd = s.start().plusDays(s.days()).atStartOfDay(home.zone()).toEpochSecond();
    long dayStart = utcDate.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long from = Math.max(windowStart, dayStart);
    long to = Math.min(windowEnd, dayStart + 86_400);
    Path target = data.resolve(DataLayout.of(home.id()).readings(utcDate)).resolve(PART);
    List<CommunityHome.Appliance> devices = new ArrayList<>(home.appliances());
    devices.sort(Comparator.comparing(CommunityHome.Appliance::deviceId));
    try (ReadingsFileWriter out =
        new ReadingsFileWriter(target, ParquetOptions.DEFAULT, IoFaults.NONE)) {
      for (CommunityHome.Appliance a : devices) {
        new SecondReadings(a.deviceId(), a.load(), windowEnd).write(from, to, out);
      }
      out.commit();
      return new Written(out.rows(), Files.size(target));
    }
  }

  private static Thread thread(Runnable r) {
    Thread t = new Thread(r, "generate");
    t.setDaemon(true);
    return t;
  }
}
