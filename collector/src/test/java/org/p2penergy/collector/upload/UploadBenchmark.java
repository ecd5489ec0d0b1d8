package org.p2penergy.collector.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.p2penergy.collector.simulate.ParticleCloudSimulator;
import org.p2penergy.collector.stream.ChildCollector;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.StorageSettings;
import org.p2penergy.store.S3Clients;
import org.p2penergy.store.S3ProxyServer;
import org.p2penergy.store.StoreKeys;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Not a test: the uploader's footprint and throughput (figures in docs/BENCHMARKS.md, "Upload to
 * the object store").
 *
 * <pre>
 * mvn -q -pl home,collector -am test-compile package -DskipTests
 * CP="collector/target/test-classes:collector/target/classes:$(cat collector/target/classpath.txt)"
 * S3P=~/.m2/repository/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar
 * java -Ds3proxy.jar=$S3P -cp "$CP" org.p2penergy.collector.upload.UploadBenchmark catchup 256 4096
 * java -Ds3proxy.jar=$S3P -cp "$CP" org.p2penergy.collector.upload.UploadBenchmark collect 120 0
 * java -Ds3proxy.jar=$S3P -cp "$CP" org.p2penergy.collector.upload.UploadBenchmark collect 120 1024
 * </pre>
 *
 * {@code catchup FILES KIB}: a backlog of FILES random files of KIB KiB, sent by {@code upload} in
 * a child JVM with the Pi flags (heap and RSS sampled every second), then by a plain PutObject loop
 * (same SDK, same client settings, same files, one JVM with the same flags): the ceiling. {@code
 * collect SECONDS BACKLOG_MIB}: {@code collect} at ~10 events/s with uploads on (a roll every 300
 * readings, ~30 s), with BACKLOG_MIB of old files waiting at its start; and, for comparison, the
 * same run without a storage block.
 */
public final class UploadBenchmark {
  private static final List<String> PI =
      List.of(
          "-Xmx32m",
          "-Xss512k",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:ReservedCodeCacheSize=16m");

  private UploadBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path dir = Files.createTempDirectory("p2penergy-upload-bench");
    if (mode.equals("catchup")) {
      catchUp(dir, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    } else if (mode.equals("put-loop")) {
      putLoop(Path.of(args[1]), Path.of(args[2]), args[3]);
    } else {
      collect(dir, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }
  }

  private static void catchUp(Path dir, int files, int kib) throws Exception {
    Path data = dir.resolve("data");
    long total = backlog(data, files, kib);
    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("store"), "p2p-energy", "ceiling")) {
      Path config = UploadFixture.config(dir, s3.endpoint(), "p2p-energy", null);
      Map<String, String> env = UploadFixture.env(s3.identity, s3.credential);
      Run upload =
          child(
              env,
              List.of(
                  "org.p2penergy.collector.cli.CollectorMain",
                  "upload",
                  "--data",
                  data.toString(),
                  "--config",
                  config.toString()),
              dir.resolve("upload.log"));
      Path ceilingConfig = UploadFixture.config(dir, s3.endpoint(), "ceiling", null);
      Run ceiling =
          child(
              env,
              List.of(
                  UploadBenchmark.class.getName(),
                  "put-loop",
                  data.toString(),
                  ceilingConfig.toString(),
                  "readings"),
              dir.resolve("ceiling.log"));
      System.out.printf("backlog: %d files of %d KiB = %.1f MiB%n", files, kib, total / 1048576.0);
      report("upload (journal, MD5, verify)", upload, total);
      report("plain PutObject loop (ceiling)", ceiling, total);
      System.out.printf("  ratio upload/ceiling: %.2f%n", ceiling.seconds / upload.seconds);
      System.out.println(
          "  "
              + Files.readAllLines(dir.resolve("upload.log")).stream()
                  .filter(l -> l.startsWith("upload: done"))
                  .findFirst()
                  .orElse("(no done line)"));
    }
  }

  /** The ceiling: PutObject of every file, the same client, nothing else. */
  private static void putLoop(Path data, Path config, String top) throws Exception {
    StorageSettings s = ConfigLoader.load(config).storage().orElseThrow();
    S3Client client = S3Clients.client(s, StoreKeys.resolve(s, System.getenv()));
    for (Path f : UploadFixture.files(data, top)) {
      client.putObject(
          r -> r.bucket(s.bucket()).key(s.key(data.relativize(f).toString())),
          RequestBody.fromFile(f));
    }
    client.close();
  }

  private static long backlog(Path data, int files, int kib) throws IOException {
    Random random = new Random(1);
    byte[] buf = new byte[kib * 1024];
    LocalDate day = LocalDate.of(2026, 1, 1);
    long total = 0;
    for (int i = 0; i < files; i++) {
      Path dir =
          data.resolve("readings/home=" + UploadFixture.HOME + "/date=" + day.plusDays(i / 24));
      Files.createDirectories(dir);
      random.nextBytes(buf);
      Files.write(dir.resolve(String.format("part-%05d-bench.parquet", i)), buf);
      total += buf.length;
    }
    return total;
  }

  private static void collect(Path dir, int seconds, int backlogMib) throws Exception {
    double speed = 8.5; // the demo home's 3 devices at ~10 events/s in all (StreamBenchmark)
    String token = "bench-token";
    Instant start = Instant.now().minus(Duration.ofSeconds((long) (speed * (seconds + 60))));
    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("store"), "p2p-energy");
        ParticleCloudSimulator cloud =
            ParticleCloudSimulator.builder()
                .tokens(Set.of(token))
                .seed(1)
                .speed(speed)
                .start(start)
                .build()
                .start()) {
      for (boolean uploads : new boolean[] {false, true}) {
        Path data = dir.resolve(uploads ? "data-up" : "data-off");
        if (uploads && backlogMib > 0) {
          backlog(data, backlogMib / 4, 4096);
        }
        Map<String, String> env = new HashMap<>(UploadFixture.env(s3.identity, s3.credential));
        env.put("PARTICLE_ACCESS_TOKEN", token);
        Path config =
            uploads
                ? UploadFixture.config(dir, s3.endpoint(), "p2p-energy", null)
                : Files.writeString(dir.resolve("plain.yaml"), "home: {id: elm-12}\n");
        ChildCollector child =
            new ChildCollector(
                dir.resolve("logs"),
                env,
                List.of(
                    "--config",
                    config.toString(),
                    "--data",
                    data.toString(),
                    "--stream",
                    cloud.baseUri().resolve("/v1/devices/events").toString(),
                    "--max-rows-per-file",
                    "300",
                    "--status-interval",
                    "10s"));
        long pid = child.process.pid();
        List<Long> heap = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        long t0 = System.nanoTime();
        Long caughtUp = null;
        for (int s = 1; s <= seconds; s++) {
          Thread.sleep(1000);
          if (s > 10) {
            heap.add(heapKb(pid));
            rss.add(rssKb(pid));
          }
          if (uploads
              && caughtUp == null
              && child.out().stream()
                  .anyMatch(l -> l.contains("upload: confirmed readings/home=elm-12/date=2026-"))
              && child.out().stream()
                  .filter(l -> l.startsWith("status:"))
                  .reduce((a, b) -> b)
                  .map(l -> l.contains("nothing waiting") || l.contains("upload: 1 files"))
                  .orElse(false)) {
            caughtUp = (System.nanoTime() - t0) / 1_000_000_000L;
          }
        }
        child.terminate();
        child.waitFor(Duration.ofSeconds(60));
        System.out.printf(
            "collect, uploads %s%s, %d s: heap median %d KiB, max %d KiB; RSS median %d KiB, max"
                + " %d KiB; %d files confirmed%s%n",
            uploads ? "on" : "off",
            uploads && backlogMib > 0 ? " with a " + backlogMib + " MiB backlog" : "",
            seconds,
            median(heap),
            Collections.max(heap),
            median(rss),
            Collections.max(rss),
            child.lines("upload: confirmed").size(),
            caughtUp == null ? "" : ", backlog sent after ~" + caughtUp + " s");
        child.lines("status:").stream()
            .reduce((a, b) -> b)
            .ifPresent(l -> System.out.println("  " + l));
      }
    }
  }

  private record Run(double seconds, List<Long> heap, List<Long> rss, int exit) {}

  private static Run child(Map<String, String> env, List<String> main, Path log) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(PI);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.addAll(main);
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    List<Long> heap = new ArrayList<>();
    List<Long> rss = new ArrayList<>();
    while (!p.waitFor(1, TimeUnit.SECONDS)) {
      heap.add(heapKb(p.pid()));
      rss.add(rssKb(p.pid()));
    }
    return new Run((System.nanoTime() - t0) / 1e9, heap, rss, p.exitValue());
  }

  private static void report(String what, Run r, long bytes) {
    System.out.printf(
        "  %s: exit %d, %.1f s, %.1f MiB/s; heap median %d KiB, max %d KiB; RSS median %d KiB,"
            + " max %d KiB%n",
        what,
        r.exit,
        r.seconds,
        bytes / 1048576.0 / r.seconds,
        median(r.heap),
        r.heap.isEmpty() ? -1 : Collections.max(r.heap),
        median(r.rss),
        r.rss.isEmpty() ? -1 : Collections.max(r.rss));
  }

  static long heapKb(long pid) throws Exception {
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

  static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException e) {
      // ended
    }
    return -1;
  }

  private static long median(List<Long> xs) {
    if (xs.isEmpty()) {
      return -1;
    }
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
