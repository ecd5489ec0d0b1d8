package org.p2penergy.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.reports.cli.ReportsMain;

/** {@code p2penergy report} as a user runs it: exit codes, one-line errors, the printed path. */
class ReportCommandTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return CommandRun.execute(new ReportsMain(), out, err, args);
  }

  @Test
  void writesTheDefaultPathAndPrintsIt(@TempDir Path data) throws IOException {
    Path summary = data.resolve("reports/home/2026-11-27/summary.json");
    Files.createDirectories(summary.getParent());
    Files.copy(
        ReportRendererTest.fixture("demo").resolve("reports/home/2026-11-27/summary.json"),
        summary,
        StandardCopyOption.REPLACE_EXISTING);

    int code = run("report", "--data", data.toString(), "--date", "2026-11-27", "--period", "WEEK");

    Path expected = data.resolve("reports/home/2026-11-27/report-week.pdf");
    assertThat(code).isZero();
    assertThat(out.toString().strip()).isEqualTo(expected.toString());
    assertThat(Files.readAllBytes(expected)).startsWith("%PDF-".getBytes());
    // written through a temp file renamed into place: nothing else is left behind
    try (var files = Files.list(expected.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("summary.json", "report-week.pdf");
    }
  }

  @Test
  void missingSummaryIsOneLineAndExitTwo(@TempDir Path data) {
    int code = run("report", "--data", data.toString(), "--date", "2026-11-27");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("report: no summary for 2026-11-27: ")
        .contains(data.resolve("reports/home/2026-11-27/summary.json").toString());
  }

  @Test
  void unwritableOutputIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
    Path folderInTheWay = Files.createDirectories(dir.resolve("report.pdf/sub"));

    int code =
        run(
            "report",
            "--data",
            ReportRendererTest.fixture("demo").toString(),
            "--date",
            "2026-11-27",
            "--out",
            folderInTheWay.getParent().toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("report: cannot write " + folderInTheWay.getParent());
  }

  @Test
  void badOptionsAreUsageErrors(@TempDir Path data) {
    assertThat(run("report", "--data", data.toString(), "--date", "27.11.2026")).isEqualTo(2);
    assertThat(run("report", "--data", data.toString(), "--date", "2026-11-27", "--period", "year"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--period").doesNotContain("Exception");
  }

  @Test
  void helpNamesTheDefaults() {
    assertThat(run("report", "--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--data=DIR", "--date=D", "(default: day)", "DIR/reports/H/D/report-<period>.pdf");
  }

  /**
   * Three homes: two with a summary, one without (named, exit 4), and a fourth whose file does not
   * read (skipped, exit 7): the two are still rendered, each into its own folder.
   */
  @Test
  void communityRendersEveryHomeAndNamesTheOnesItCannot(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(dir.resolve("homes"));
    for (String id : new String[] {"elm-12", "elm-14", "elm-16"}) {
      Files.writeString(dir.resolve("homes/" + id + ".yaml"), "home: {id: " + id + "}\n");
    }
    Files.writeString(
        dir.resolve("homes/elm-18.yaml"), "home: {id: elm-18, timezone: Mars/Base}\n");
    Path community =
        Files.writeString(
            dir.resolve("community.yaml"),
            "community: {name: Elm Street}\nstorage: {url: data}\nhomes: [homes/elm-12.yaml,"
                + " homes/elm-14.yaml, homes/elm-16.yaml, homes/elm-18.yaml]\n");
    Path fixture =
        ReportRendererTest.fixture("demo").resolve("reports/home/2026-11-27/summary.json");
    for (String id : new String[] {"elm-12", "elm-14"}) {
      Path summary = data.resolve("reports/" + id + "/2026-11-27/summary.json");
      Files.createDirectories(summary.getParent());
      Files.copy(fixture, summary);
    }

    int code = run("report", "--community", community.toString(), "--date", "2026-11-27");

    assertThat(code).as(err.toString()).isEqualTo(7);
    assertThat(out.toString())
        .contains("elm-12: " + data.resolve("reports/elm-12/2026-11-27/report-day.pdf"))
        .contains("elm-14: " + data.resolve("reports/elm-14/2026-11-27/report-day.pdf"))
        .contains("elm-16: FAILED: no summary for 2026-11-27")
        .contains("SKIPPED: ")
        .contains("elm-18")
        .contains("4 homes; 2 problem(s)");
    assertThat(data.resolve("reports/elm-12/2026-11-27/report-day.pdf")).isNotEmptyFile();
    assertThat(data.resolve("reports/elm-16/2026-11-27/report-day.pdf")).doesNotExist();

    out.getBuffer().setLength(0);
    Files.delete(dir.resolve("homes/elm-18.yaml"));
    Files.writeString(
        community,
        "community: {name: Elm Street}\nstorage: {url: data}\nhomes: [homes/elm-12.yaml,"
            + " homes/elm-16.yaml]\n");
    assertThat(run("report", "--community", community.toString(), "--date", "2026-11-27"))
        .as("a missing summary alone")
        .isEqualTo(4);
  }

  @Test
  void communityRefusesOneOutFile(@TempDir Path dir) throws IOException {
    Path community = Files.writeString(dir.resolve("c.yaml"), "homes: []\n");
    int code =
        run(
            "report",
            "--community",
            community.toString(),
            "--date",
            "2026-11-27",
            "--out",
            dir.resolve("x.pdf").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("report: --out names one file;");
  }
}
