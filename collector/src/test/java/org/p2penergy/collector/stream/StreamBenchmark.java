package org.p2penergy.collector.stream;

import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.ErrorStrategy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.StreamEvent;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.p2penergy.collector.simulate.ParticleCloudSimulator;

/**
 * Not a test: the collector's footprint and throughput (docs/BENCHMARKS.md).
 *
 * <p>Starts the simulated cloud in this JVM, a real {@code collect} child JVM with the Pi flags
 * ({@code -Xmx32m}) and, on the same stream, a bare okhttp-eventsource subscriber whose handler
 * does nothing (the ceiling). Samples the child's heap ({@code jstat}) and RSS ({@code /proc}),
 * then stops it with SIGTERM and counts the rows it landed in Parquet.
 *
 * <pre>
 * mvn -q -pl collector -am test-compile
 * java -cp "collector/target/test-classes:collector/target/classes:$(cat collector/target/classpath.txt)" \
 *   org.p2penergy.collector.stream.StreamBenchmark SPEED SECONDS
 * </pre>
 */
public final class StreamBenchmark {
  private StreamBenchmark() {}

  public static void main(String[] args) throws Exception {
    double speed = Double.parseDouble(args.length > 0 ? args[0] : "8.5");
    int seconds = Integer.parseInt(args.length > 1 ? args[1] : "60");
    String token = "bench-token";
    Path dir = Files.createTempDirectory("p2penergy-bench");
    // Start far enough back that the simulated clock never runs into the future.
    Instant start = Instant.now().minus(Duration.ofSeconds((long) (speed * (seconds + 30))));
    try (ParticleCloudSimulator cloud =
        ParticleCloudSimulator.builder()
            .tokens(Set.of(token))
            .seed(1)
            .speed(speed)
            .start(start)
            .build()
            .start()) {
      String stream = cloud.baseUri().resolve("/v1/devices/events").toString();
      AtomicLong ceiling = new AtomicLong();
      Thread noop = new Thread(() -> noOpSubscriber(stream, token, ceiling), "ceiling");
      noop.setDaemon(true);
      ChildCollector child =
          new ChildCollector(
              dir.resolve("logs"),
              Map.of("PARTICLE_ACCESS_TOKEN", token),
              List.of(
                  "--data",
                  dir.resolve("data").toString(),
                  "--stream",
                  stream,
                  "--fsync-interval",
                  "1s",
                  "--status-interval",
                  "10s"));
      noop.start();
      long pid = child.process.pid();
      child.awaitLine(l -> l.startsWith("collect: connected"), Duration.ofSeconds(30));
      long t0 = System.nanoTime();
      long c0 = ceiling.get();
      List<Long> heap = new ArrayList<>();
      List<Long> rss = new ArrayList<>();
      long warmup = Math.min(20, seconds / 3);
      for (int s = 1; s <= seconds; s++) {
        Thread.sleep(1000);
        if (s > warmup && s % 5 == 0) {
          heap.add(heapUsedKb(pid));
          rss.add(rssKb(pid));
        }
      }
      long c1 = ceiling.get();
      double elapsed = (System.nanoTime() - t0) / 1e9;
      child.terminate();
      int exit = child.waitFor(Duration.ofSeconds(60));
      long rows = DataCheck.storedRows(dir.resolve("data")).size();
      String stopped =
          child.lines("collect: stopped;").stream().findFirst().orElse("(no summary line)");
      System.out.printf(
          "speed %.1f, %d s, %d devices: collector exit %d%n", speed, seconds, 3, exit);
      System.out.printf(
          "  durable ingest: %d rows in Parquet, %.0f readings/s (whole run, incl. connect)%n",
          rows, rows / elapsed);
      System.out.printf(
          "  ceiling (okhttp-eventsource, no-op handler): %.0f events/s%n", (c1 - c0) / elapsed);
      System.out.printf("  ratio collector/ceiling: %.2f%n", rows / (double) Math.max(1, c1 - c0));
      System.out.printf(
          "  heap used after GC-free sampling: median %d KiB, max %d KiB; RSS median %d KiB, max"
              + " %d KiB%n",
          median(heap), Collections.max(heap), median(rss), Collections.max(rss));
      System.out.println("  " + stopped);
    }
  }

  private static void noOpSubscriber(String stream, String token, AtomicLong count) {
    try (EventSource es =
        new EventSource.Builder(
                ConnectStrategy.http(java.net.URI.create(stream))
                    .header("Authorization", "Bearer " + token)
                    .readTimeout(60, TimeUnit.SECONDS))
            .errorStrategy(ErrorStrategy.alwaysContinue())
            .streamEventData(true)
            .expectFields("event")
            .build()) {
      es.start();
      char[] buf = new char[4096];
      for (StreamEvent e : es.anyEvents()) {
        if (e instanceof MessageEvent m) {
          try (Reader r = m.getDataReader()) {
            while (r.read(buf) > 0) {
              // drain: the same bytes the collector reads
            }
          }
          count.incrementAndGet();
        }
      }
    } catch (Exception e) {
      // the benchmark is over
    }
  }

  private static long heapUsedKb(long pid) throws Exception {
    Process p = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).start();
    List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
    p.waitFor();
    if (lines.size() < 2) {
      return -1;
    }
    String[] names = lines.get(0).trim().split("\\s+");
    String[] values = lines.get(1).trim().split("\\s+");
    double used = 0;
    for (int i = 0; i < names.length; i++) {
      if (Set.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
        used += Double.parseDouble(values[i]);
      }
    }
    return Math.round(used);
  }

  private static long rssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
