package org.p2penergy.reports.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Times rendering (docs/BENCHMARKS.md). {@code RenderBenchmark day|month REPEATS} writes realistic
 * summaries into a temp folder, renders REPEATS times in this JVM and prints each time (the first
 * is the cold one) and the file size, then the median of the second half (warm). {@code
 * RenderBenchmark write DIR DAYS} only writes DAYS summaries ending 2026-11-30 into DIR.
 */
public final class RenderBenchmark {
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private RenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    LocalDate end = LocalDate.of(2026, 11, 30);
    if (args[0].equals("write")) {
      RealisticSummaries.write(Path.of(args[1]), end, Integer.parseInt(args[2]));
      return;
    }
    ReportPeriod period = ReportPeriod.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
    int repeats = Integer.parseInt(args[1]);
    Path data = Files.createTempDirectory("p2p-bench");
    RealisticSummaries.write(data, end, period == ReportPeriod.DAY ? 1 : 30);
    ReportRenderer renderer = new ReportRenderer();
    long[] times = new long[repeats];
    long[] cpu = new long[repeats];
    for (int i = 0; i < repeats; i++) {
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      RenderedReport r =
          renderer.render(data, "home", end, period, data.resolve("out-" + i + ".pdf"));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long cpuMs = (CPU.getCurrentThreadCpuTime() - c0) / 1_000_000;
      System.out.printf(
          "%s run %d: %d ms wall, %d ms CPU (this thread), %d bytes%n",
          period.id(), i + 1, ms, cpuMs, Files.size(r.pdf()));
      times[i] = ms;
      cpu[i] = cpuMs;
    }
    System.out.printf(
        "%s warm median (runs %d-%d): %d ms wall, %d ms CPU%n",
        period.id(), repeats / 2 + 1, repeats, median(times), median(cpu));
  }

  private static long median(long[] all) {
    long[] warm = java.util.Arrays.copyOfRange(all, all.length / 2, all.length);
    java.util.Arrays.sort(warm);
    return warm[warm.length / 2];
  }
}
