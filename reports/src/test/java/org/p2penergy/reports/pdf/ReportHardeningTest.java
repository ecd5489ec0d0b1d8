package org.p2penergy.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.reports.cli.ReportsMain;

/** What a careful user found in the reports (issue 13, point 8), each as they did it. */
class ReportHardeningTest {
  private static final LocalDate DAY = ReportRendererTest.DAY;
  @TempDir Path dir;

  private Path demoCopy() throws Exception {
    Path data = dir.resolve("data");
    for (String d : List.of("2026-11-26", "2026-11-27")) {
      Path from = ReportRendererTest.fixture("demo").resolve("reports/home/" + d + "/summary.json");
      Path to = data.resolve("reports/home/" + d + "/summary.json");
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
    return data;
  }

  private CommandRun.Result report(Path data, String... more) {
    String[] args = new String[5 + more.length];
    args[0] = "report";
    args[1] = "--data";
    args[2] = data.toString();
    args[3] = "--date";
    args[4] = DAY.toString();
    System.arraycopy(more, 0, args, 5, more.length);
    return CommandRun.run(new ReportsMain(), args);
  }

  @Test
  void outRefusesAFifoAndASymlinkAndKeepsThem() throws Exception {
    Path data = demoCopy();
    Path elsewhere = Files.writeString(dir.resolve("precious.txt"), "keep me");
    Path link = Files.createSymbolicLink(dir.resolve("report.pdf"), elsewhere);
    CommandRun.Result viaLink = report(data, "--out", link.toString());
    assertThat(viaLink.code()).isEqualTo(2);
    assertThat(viaLink.err()).contains("symbolic link").doesNotContain("\tat ");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(elsewhere).hasContent("keep me");

    Path fifo = dir.resolve("fifo.pdf");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeThat(mkfifo.waitFor()).as("mkfifo is available").isZero();
    CommandRun.Result viaFifo = report(data, "--out", fifo.toString());
    assertThat(viaFifo.code()).isEqualTo(2);
    assertThat(viaFifo.err()).contains("not a regular file");
    assertThat(Files.isRegularFile(fifo)).isFalse();
  }

  @Test
  void aSummaryWithoutTotalsIsAnErrorNotAZeroHeadline() throws Exception {
    Path data = demoCopy();
    Path file = data.resolve("reports/home/" + DAY + "/summary.json");
    Files.writeString(file, Files.readString(file).replaceFirst("\"totals\"", "\"totalz\""));
    CommandRun.Result r = report(data);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("report: " + file + " is not a valid summary: totals: missing");
  }

  @Test
  void oneCorruptDayLeavesTheWeekToRenderAndIsNamed() throws Exception {
    Path data = demoCopy();
    Path bad = data.resolve("reports/home/2026-11-26/summary.json");
    Files.writeString(bad, "{ this is not json");
    CommandRun.Result r = report(data, "--period", "week");
    assertThat(r.code()).as(r.err()).isZero();
    String text = Pdfs.text(Path.of(r.out().strip())).replaceAll("\\s+", " ");
    assertThat(text).contains("The summary of 2026-11-26 could not be read and is left out");
    // The 27th is still there: the fridge's 1.20 kWh of that day.
    assertThat(text).contains("Fridge");
  }

  @Test
  void anEmojiInANameIsNeverCutInHalf() throws Exception {
    // 23 letters then an emoji (two UTF-16 units) then more: the table's column is 24 wide.
    String name = "Kühlschrank im Keller A😀 und mehr";
    assertThat(HeadlineText.clip(name, 24)).isEqualTo("Kühlschrank im Keller A…");
    String withEmojiAtTheEdge = "Kühlschrank im Keller 😀😀😀";
    String clipped = HeadlineText.clip(withEmojiAtTheEdge, 24);
    assertThat(clipped).isEqualTo("Kühlschrank im Keller 😀…");
    assertThat(clipped.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
  }
}
