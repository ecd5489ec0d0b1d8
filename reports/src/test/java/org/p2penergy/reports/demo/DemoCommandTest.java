package org.p2penergy.reports.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.cli.CommandRun;

class DemoCommandTest {
  @TempDir Path dir;
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return CommandRun.execute(new DemoCommand(), new StringWriter(), err, args);
  }

  @Test
  void aNonEmptyOutFolderIsRefusedSoNoEarlierRunIsMixedIn() throws Exception {
    Files.writeString(dir.resolve("something"), "x");
    assertThat(run("--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("demo: " + dir + ": not empty (the demo writes into a new or empty folder)");
  }

  @Test
  void daysAndSpeedAreChecked() {
    assertThat(run("--days", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--days must be 1 to 31");
    assertThat(run("--speed", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--speed must be 1 to 100000");
  }

  @Test
  void demoHomeFilesKeepTheTokenPrivate() throws Exception {
    DemoHome home = DemoHome.write(dir);
    assertThat(home.home().appliances())
        .extracting(a -> a.name())
        .containsExactly("Fridge", "Microwave", "Raspberry Pi");
    assertThat(Files.getPosixFilePermissions(home.token().file()))
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    assertThat(Files.readString(home.token().file()).strip()).isEqualTo(home.token().value());
    assertThat(home.toString()).doesNotContain(home.token().value());
  }
}
