package org.p2penergy.home.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void replacesAFileAndLeavesNoTempFile() throws IOException {
    Path target = dir.resolve("a/b/state.json");
    AtomicFiles.writeString(target, "one");
    AtomicFiles.writeString(target, "two");
    assertThat(target).hasContent("two");
    try (var files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aFailedWriteKeepsTheOldFile() throws IOException {
    Path target = dir.resolve("report.pdf");
    AtomicFiles.writeString(target, "old");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("half".getBytes());
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(target).hasContent("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void refusesASymbolicLinkAndAFifo() throws Exception {
    Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "keep");
    Path link = Files.createSymbolicLink(dir.resolve("link.pdf"), elsewhere);
    assertThatThrownBy(() -> AtomicFiles.writeString(link, "x"))
        .hasMessageContaining("symbolic link");
    assertThat(elsewhere).hasContent("keep");
    assertThat(Files.isSymbolicLink(link)).isTrue();

    Path fifo = dir.resolve("fifo.pdf");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeThat(mkfifo.waitFor()).as("mkfifo is available").isZero();
    assertThatThrownBy(() -> AtomicFiles.writeString(fifo, "x"))
        .hasMessageContaining("not a regular file");
    assertThat(Files.isRegularFile(fifo)).isFalse();
  }
}
