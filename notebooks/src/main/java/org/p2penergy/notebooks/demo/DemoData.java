package org.p2penergy.notebooks.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.p2penergy.home.config.Home;
import org.p2penergy.home.layout.DataLayout;

/**
 * Generates a DATA directory shaped like the demo home's: readings Parquet for a range of local
 * days, outages and quarantine files. Used by the notebook runner (and {@code notebooks/run-all})
 * when no real data is given.
 *
 * <p>Usage: {@code DemoData DIR [FIRST_DAY [DAYS]]}; by default the 30 days of November 2026.
 */
public final class DemoData {

  public static final LocalDate DEFAULT_FIRST = LocalDate.of(2026, 11, 1);
  public static final int DEFAULT_DAYS = 30;
  public static final long SEED = 2026;

  private DemoData() {}

  public static DemoManifest generate(Path dataDir, LocalDate first, int days) throws Exception {
    LocalDate last = first.plusDays(days - 1L);
    DemoFaults faults = DemoFaults.standard(first, last);
    DayPlanner planner = new DayPlanner(SEED);
    TraceSampler sampler = new TraceSampler(faults.silent());
    List<DayPlan> plans = new ArrayList<>();
    AtomicLong rows = new AtomicLong();
    long duplicates;
    try (ReadingsTable table = new ReadingsTable()) {
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        DayPlan plan = planner.plan(d);
        plans.add(plan);
        sampler.sample(
            plan,
            reading -> {
              table.add(reading);
              rows.incrementAndGet();
            });
      }
      duplicates =
          table.write(
              dataDir.resolve(DataLayout.of(Home.DEFAULT_ID).readings()), faults.duplicated());
    }
    SideFiles.writeOutages(dataDir, faults.outages());
    SideFiles.writeQuarantine(dataDir, faults.quarantine());
    return new DemoManifest(first, last, plans, faults, rows.get() + duplicates, duplicates);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 3 || args[0].startsWith("-")) {
      System.err.println(
          "Usage: DemoData DIR [FIRST_DAY [DAYS]]   (default: "
              + DEFAULT_FIRST
              + ", "
              + DEFAULT_DAYS
              + " days)");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    if (Files.exists(dir.resolve("readings"))) {
      System.err.println(
          "DemoData: " + dir.resolve("readings") + " already exists; give a new DIR");
      System.exit(2);
    }
    LocalDate first = args.length > 1 ? LocalDate.parse(args[1]) : DEFAULT_FIRST;
    int days = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_DAYS;
    DemoManifest m = generate(dir, first, days);
    System.out.printf(
        "Demo data for %s .. %s in %s: %,d readings (%d written twice), %d outages,"
            + " %d quarantined events%n",
        m.first(),
        m.last(),
        dir,
        m.readings(),
        m.duplicates(),
        m.faults().outages().size(),
        m.faults().quarantine().size());
  }
}
