package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.simulate.ParticleCloudSimulator;
import org.p2penergy.collector.store.Reading;

/** {@code collect} as systemd runs it: a child JVM with the Pi flags, stopped by a signal. */
class CollectProcessIT {
  private static final String TOKEN = "child-token-7d1e4c";
  @TempDir Path dir;

  private ParticleCloudSimulator cloud() {
    return ParticleCloudSimulator.builder()
        .tokens(Set.of(TOKEN))
        .seed(11)
        .speed(60)
        .start(Instant.parse("2026-11-27T06:00:00Z"))
        .sentLog(dir.resolve("sent.log"))
        .build()
        .start();
  }

  @Test
  void sigtermFlushesRollsAndExitsZero() throws Exception {
    Path data = dir.resolve("data");
    ChildCollector child;
    try (ParticleCloudSimulator cloud = cloud()) {
      child =
          new ChildCollector(
              dir.resolve("logs"),
              Map.of("PARTICLE_ACCESS_TOKEN", TOKEN),
              List.of(
                  "--data",
                  data.toString(),
                  "--stream",
                  cloud.baseUri().resolve("/v1/devices/events").toString(),
                  "--fsync-interval",
                  "5s",
                  "--trace-sync"));
      assertThat(child.awaitLine(l -> l.startsWith("synced"), Duration.ofSeconds(60)))
          .as(child.transcript())
          .isTrue();
      child.terminate(); // SIGTERM
      assertThat(child.waitFor(Duration.ofSeconds(30))).as(child.transcript()).isZero();
    }
    List<Reading> rows = DataCheck.storedRows(data);
    // The final count the collector printed equals the rows in Parquet: nothing left in the spool.
    assertThat(child.lines("collect: stopped;")).as(child.transcript()).hasSize(1);
    String stopped = child.lines("collect: stopped;").get(0);
    long accepted = Long.parseLong(stopped.replaceAll("collect: stopped; (\\d+) readings.*", "$1"));
    assertThat(rows).hasSize((int) accepted);
    assertThat(rows.size()).isGreaterThan(0);
    Set<String> keys = new HashSet<>();
    rows.forEach(r -> assertThat(keys.add(DataCheck.key(r))).isTrue());
    assertThat(keys).containsAll(DataCheck.syncedKeys(child.lines("synced")));
    Set<String> sent = DataCheck.sent(dir.resolve("sent.log"));
    assertThat(rows).allSatisfy(r -> assertThat(sent).contains(DataCheck.sentForm(r)));
    try (var segments = Files.list(data.resolve("spool"))) {
      assertThat(segments.filter(p -> !p.getFileName().toString().startsWith(".")))
          .as("spool segments left after a clean stop")
          .isEmpty();
    }
  }

  @Test
  void refusedTokenExitsThreeWithOneLineThatNeverShowsTheToken() throws Exception {
    String wrong = "wrong-token-93b1f0aa";
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, wrong + "\n");
    Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));
    try (ParticleCloudSimulator cloud = cloud()) {
      String stream = cloud.baseUri().resolve("/v1/devices/events").toString();
      // Once from the environment, once from a world-readable token file.
      ChildCollector fromEnv =
          new ChildCollector(
              dir.resolve("logs"),
              Map.of("PARTICLE_ACCESS_TOKEN", wrong),
              List.of("--data", dir.resolve("d1").toString(), "--stream", stream));
      ChildCollector fromFile =
          new ChildCollector(
              dir.resolve("logs"),
              Map.of(),
              List.of(
                  "--data", dir.resolve("d2").toString(),
                  "--stream", stream,
                  "--token-file", tokenFile.toString()));
      for (ChildCollector child : List.of(fromEnv, fromFile)) {
        assertThat(child.waitFor(Duration.ofSeconds(60))).as(child.transcript()).isEqualTo(3);
        assertThat(child.transcript()).doesNotContain(wrong);
        List<String> errors = child.err().stream().filter(l -> !l.contains("warning")).toList();
        assertThat(errors)
            .singleElement()
            .asString()
            .contains("HTTP 401")
            .contains("refused the access token");
      }
      assertThat(fromFile.err())
          .anySatisfy(
              l -> assertThat(l).contains("readable by group or others").contains("chmod 600"));
      assertThat(fromEnv.err()).noneSatisfy(l -> assertThat(l).contains("warning"));
    }
  }

  @Test
  void aCleanStopIsRecordedAsStoppedAndAKillAsNotRunning() throws Exception {
    Path data = dir.resolve("data");
    try (ParticleCloudSimulator cloud = cloud()) {
      List<String> args =
          List.of(
              "--data",
              data.toString(),
              "--stream",
              cloud.baseUri().resolve("/v1/devices/events").toString());
      Map<String, String> env = Map.of("PARTICLE_ACCESS_TOKEN", TOKEN);
      // Run 1 stops in order (SIGTERM); run 2 is killed (kill -9) after a heartbeat; run 3 stops.
      ChildCollector first = connected(new ChildCollector(dir.resolve("logs"), env, args));
      first.terminate();
      assertThat(first.waitFor(Duration.ofSeconds(30))).as(first.transcript()).isZero();
      ChildCollector second = connected(new ChildCollector(dir.resolve("logs"), env, args));
      Thread.sleep(3000); // the heartbeat moves every 2 s while the stream is up
      second.process.destroyForcibly();
      second.waitFor(Duration.ofSeconds(30));
      ChildCollector third = connected(new ChildCollector(dir.resolve("logs"), env, args));
      third.terminate();
      assertThat(third.waitFor(Duration.ofSeconds(30))).as(third.transcript()).isZero();
    }
    List<String> reasons = new ArrayList<>();
    try (var files = Files.walk(data.resolve("outages"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          reasons.add(line.replaceAll(".*\"reason\":\"([^\"]*)\".*", "$1"));
        }
      }
    }
    // The stream itself never broke: the only outages are the two gaps between runs.
    assertThat(reasons).containsExactly("collector stopped", "collector not running");
  }

  private static ChildCollector connected(ChildCollector child) throws InterruptedException {
    assertThat(child.awaitLine(l -> l.startsWith("collect: connected"), Duration.ofSeconds(60)))
        .as(child.transcript())
        .isTrue();
    return child;
  }
}
