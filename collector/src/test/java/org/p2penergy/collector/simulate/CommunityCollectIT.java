package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingsFileReader;
import org.p2penergy.home.config.CommunityConfig;
import org.p2penergy.home.config.CommunityLoader;

/**
 * The community path end to end, both as child JVMs: {@code simulate --homes 6 --write-community
 * DIR} on a product stream and ONE {@code collect --community} on it, with a community file that
 * leaves out home-006. Each home's readings land under its own {@code readings/home=H/date=D/} and
 * are exactly what the simulator sent for that home's devices; home-006's events are quarantined as
 * "device of no home" and counted, none lost.
 */
class CommunityCollectIT {
  static final String TOKEN = "community-token-5e2a";
  static final Pattern STATUS = Pattern.compile("status: .* (\\d+) readings, (\\d+) quarantined.*");
  @TempDir Path dir;

  @Test
  void oneCollectorSplitsTheProductStreamIntoHomesAndQuarantinesTheStrayHome() throws Exception {
    Path logs = dir.resolve("logs");
    Path sentLog = dir.resolve("sent.log");
    Path data = dir.resolve("data");
    try (ChildJvm simulate =
        new ChildJvm(
            logs,
            "simulate",
            List.of("-Xmx256m"),
            Map.of(),
            List.of(
                "simulate",
                "--homes",
                "6",
                "--product",
                "31337",
                "--seed",
                "5",
                "--write-community",
                dir.toString(),
                "--start",
                "2026-11-27T23:55:00Z",
                "--duration",
                "10m",
                "--speed",
                "1800",
                "--hold-clock",
                "--token",
                TOKEN,
                "--sent-log",
                sentLog.toString(),
                "--keep-alive",
                "200ms"))) {
      String listening =
          simulate.awaitLine(l -> l.startsWith("listening on "), Duration.ofSeconds(60));
      assertThat(listening).as(simulate.transcript()).isNotNull();
      String stream = listening.substring("listening on ".length()) + "/v1/products/31337/events";
      CommunityConfig all = CommunityLoader.load(dir.resolve("community.yaml"));
      assertThat(all.homes()).hasSize(6);
      // home-006's file without its last appliance: that device belongs to no home now
      Path home6 = dir.resolve("homes/home-006.yaml");
      String text = Files.readString(home6);
      Files.writeString(home6, text.substring(0, text.lastIndexOf("  - device_id: ")));
      CommunityConfig listed = CommunityLoader.load(dir.resolve("community.yaml"));
      List<String> strays =
          new ArrayList<>(
              all.home("home-006").orElseThrow().config().appliances().stream()
                  .map(a -> a.deviceId())
                  .toList());
      listed
          .home("home-006")
          .orElseThrow()
          .config()
          .appliances()
          .forEach(a -> strays.remove(a.deviceId()));
      assertThat(strays).hasSize(1);
      try (ChildJvm collect =
          new ChildJvm(
              logs,
              "collect",
              List.of("-Xmx32m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
              Map.of(SimulateCommand.TOKEN_ENV, TOKEN),
              List.of(
                  "collect",
                  "--community",
                  dir.resolve("community.yaml").toString(),
                  "--data",
                  data.toString(),
                  "--stream",
                  stream,
                  "--status-interval",
                  "1s",
                  "--fsync-interval",
                  "200ms"))) {
        assertThat(
                simulate.awaitLine(
                    l -> l.startsWith("simulate: finished"), Duration.ofSeconds(120)))
            .as(simulate.transcript())
            .isNotNull();
        long sent = settledLines(sentLog);
        // every event the simulator flushed has been read by the collector (kept or quarantined)
        String caughtUp =
            collect.awaitLine(
                l -> {
                  Matcher m = STATUS.matcher(l);
                  return m.matches()
                      && Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) == sent;
                },
                Duration.ofSeconds(60));
        assertThat(caughtUp).as(collect.transcript()).isNotNull();
        collect.process.destroy(); // SIGTERM: flush, roll, exit 0
        assertThat(collect.waitFor(Duration.ofSeconds(30))).as(collect.transcript()).isZero();
        check(all, strays.get(0), sentLog, data, collect.out());
      }
    }
  }

  /** The sent log's event lines once it has stopped growing (the stream has drained). */
  static long settledLines(Path log) throws Exception {
    long previous = -1;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      long n;
      try (Stream<String> lines = Files.lines(log)) {
        n = lines.filter(l -> !l.startsWith("#") && !l.isBlank()).count();
      }
      if (n == previous && n > 0) return n;
      previous = n;
      Thread.sleep(1_000);
    }
    throw new AssertionError("the sent log kept growing (or stayed empty): " + previous);
  }

  void check(CommunityConfig all, String stray, Path sentLog, Path data, List<String> out)
      throws IOException {
    Map<String, String> homeOf = new HashMap<>();
    all.homes()
        .forEach(m -> m.config().appliances().forEach(a -> homeOf.put(a.deviceId(), m.id())));
    Map<String, Set<String>> sentByHome = new HashMap<>();
    for (String line : Files.readAllLines(sentLog)) {
      if (line.startsWith("#") || line.isBlank()) continue;
      String[] f = line.split("\t");
      assertThat(homeOf).containsKey(f[0]);
      String key = f[0] + "\t" + Instant.parse(f[2]) + "\t" + plain(f[3]);
      String home = f[0].equals(stray) ? "none" : homeOf.get(f[0]);
      sentByHome.computeIfAbsent(home, h -> new HashSet<>()).add(key);
    }
    assertThat(sentByHome.keySet()).containsAll(homeOf.values()).contains("none").hasSize(7);
    Path readings = data.resolve("readings");
    for (String home : all.homes().stream().map(CommunityConfig.Member::id).toList()) {
      Set<String> stored = new HashSet<>();
      Set<String> dates = new HashSet<>();
      for (Path f : ReadingsFileReader.partFiles(readings.resolve("home=" + home))) {
        dates.add(f.getParent().getFileName().toString());
        for (Reading r : ReadingsFileReader.readAll(f)) {
          assertThat(
                  stored.add(
                      r.deviceId() + "\t" + r.ts() + "\t" + plain(Double.toString(r.value()))))
              .isTrue();
        }
      }
      // 23:55-00:05 UTC: both UTC dates, and exactly what was sent for this home's devices
      assertThat(dates).containsExactlyInAnyOrder("date=2026-11-27", "date=2026-11-28");
      assertThat(stored).as(home).isEqualTo(sentByHome.get(home));
    }
    try (Stream<Path> homes = Files.list(readings)) {
      assertThat(homes.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              all.homes().stream().map(m -> "home=" + m.id()).toList());
    }
    List<JsonNode> quarantined = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(data.resolve("quarantine/unassigned"))) {
      for (Path f : files.toList()) {
        for (String line : Files.readAllLines(f)) quarantined.add(json.readTree(line));
      }
    }
    Set<String> strayDevices = new HashSet<>();
    for (JsonNode q : quarantined) {
      assertThat(q.get("reason").asText()).isEqualTo("device of no home");
      strayDevices.add(json.readTree(q.get("raw").asText()).get("coreid").asText());
    }
    int n = sentByHome.get("none").size();
    assertThat(quarantined).hasSize(n);
    assertThat(strayDevices).containsExactly(stray);
    String stopped =
        out.stream().filter(l -> l.startsWith("collect: stopped;")).findFirst().orElseThrow();
    assertThat(stopped).contains(n + " quarantined").contains("device of no home=" + n);
  }

  static String plain(String number) {
    return new BigDecimal(number).stripTrailingZeros().toPlainString();
  }
}
