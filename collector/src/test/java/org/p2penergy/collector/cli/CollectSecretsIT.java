package org.p2penergy.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 point 2 through {@code bin/p2penergy}, as a user types it: a token pasted into a URL is
 * never printed, the refusal names where the URL came from, and a token with a line break is one
 * line and exit 2 (it used to be "unexpected error: IllegalArgumentException", exit 1).
 */
class CollectSecretsIT {
  @TempDir Path dir;

  private static void assertOneLineExitTwo(Launcher.Result r, String... secrets) {
    assertThat(r.code()).as(r.all()).isEqualTo(2);
    for (String s : secrets) assertThat(r.all()).as("output holds " + s).doesNotContain(s);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.all()).doesNotContain("Exception").doesNotContain("unexpected error");
  }

  @Test
  void theMalformedUrlOfTheIssuePrintsNoTokenAndNamesTheOption() throws Exception {
    Launcher.Result r =
        Launcher.run(Map.of(), "collect", "--stream", "ht!tp://bad url?access_token=LEAKME");
    assertOneLineExitTwo(r, "LEAKME");
    assertThat(r.err()).startsWith("collect: --stream: ");
  }

  @Test
  void theSameUrlInTheConfigNamesTheKey() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("p2penergy.yaml"),
            "particle:\n  stream_url: \"ht!tp://bad url?access_token=LEAKME\"\n");
    Launcher.Result r =
        Launcher.run(
            Map.of(),
            "collect",
            "--data",
            dir.resolve("data").toString(),
            "--config",
            config.toString());
    assertOneLineExitTwo(r, "LEAKME");
    assertThat(r.err()).contains("particle.stream_url").doesNotContain("--stream");
  }

  @Test
  void aTokenWithALineBreakIsOneLineAndExitTwo() throws Exception {
    String stream = "http://127.0.0.1:9/v1/devices/events";
    Launcher.Result fromEnv =
        Launcher.run(
            Map.of("PARTICLE_ACCESS_TOKEN", "abc123\nSECRETTAIL"),
            "collect",
            "--data",
            dir.resolve("d1").toString(),
            "--stream",
            stream);
    assertOneLineExitTwo(fromEnv, "abc123", "SECRETTAIL");
    assertThat(fromEnv.err()).contains("PARTICLE_ACCESS_TOKEN").contains("line break");

    Path file = Files.writeString(dir.resolve("token"), "abc123\nSECRETTAIL\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Launcher.Result fromFile =
        Launcher.run(
            Map.of(),
            "collect",
            "--data",
            dir.resolve("d2").toString(),
            "--stream",
            stream,
            "--token-file",
            file.toString());
    assertOneLineExitTwo(fromFile, "abc123", "SECRETTAIL");
    assertThat(fromFile.err()).contains("secret file " + file).contains("line break");
  }
}
