package org.p2penergy.reports.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping {@code nightly} (SIGTERM, as systemd does) stops the analyze it started: before, the
 * child lived on with parent pid 1 and the next nightly started a second analyze on the same data.
 */
class NightlyStopIT {
  static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

  @TempDir Path dir;

  @Test
  void sigtermStopsTheAnalyzeChildToo() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path pidFile = dir.resolve("analyze.pid");
    // An analyze that takes long: it records its pid and sleeps (exec: the pid is the sleeper's).
    Path slow =
        Files.writeString(
            dir.resolve("slow-analyze.sh"),
            "#!/usr/bin/env bash\necho $$ > " + pidFile + "\nexec sleep 600\n");
    slow.toFile().setExecutable(true);
    Path config =
        Files.writeString(
            dir.resolve("p2penergy.yaml"), "home: {name: Stop test, timezone: UTC}\n");
    ProcessBuilder pb =
        new ProcessBuilder(
                REPO.resolve("bin/p2penergy").toString(),
                "nightly",
                "--data",
                data.toString(),
                "--config",
                config.toString(),
                "--no-email",
                "--analyze-command",
                slow.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nightly.log").toFile());
    pb.environment().put("P2PENERGY_NO_BUILD", "1");
    Process nightly = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
      assertThat(nightly.isAlive()).as(Files.readString(dir.resolve("nightly.log"))).isTrue();
      assertThat(System.nanoTime()).as("analyze started").isLessThan(deadline);
      Thread.sleep(100);
    }
    long childPid = Long.parseLong(Files.readString(pidFile).strip());
    Optional<ProcessHandle> child = ProcessHandle.of(childPid);
    assertThat(child).isPresent();

    nightly.destroy(); // SIGTERM
    assertThat(nightly.waitFor(40, TimeUnit.SECONDS)).isTrue();
    assertThat(child.get().onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive))
        .isNotEqualTo(Optional.of(true));
    List<String> log = Files.readAllLines(dir.resolve("nightly.log"));
    assertThat(log).anyMatch(l -> l.contains("analyze"));
  }
}
