package org.p2penergy.collector.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingsFileReader;
import org.p2penergy.home.cli.Cli;
import picocli.CommandLine;

class CsvImportCommandTest {
  static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
  @TempDir Path data;
  final StringWriter err = new StringWriter();
  String out;

  int run(String... args) {
    CsvImportCommand csv = new CsvImportCommand();
    csv.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    csv.out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    csv.progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    CommandLine cli = Cli.commandLine(csv);
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    out = buf.toString(StandardCharsets.UTF_8);
    return code;
  }

  List<Reading> readings() throws IOException {
    List<Reading> all = new ArrayList<>();
    for (Path f : ReadingsFileReader.partFiles(data.resolve("readings"))) {
      all.addAll(ReadingsFileReader.readAll(f));
    }
    return all;
  }

  @Test
  void importsTheRealTracebaseDayWithExplicitOptions() throws IOException {
    Path file = CsvTraceReaderTest.TRACEBASE;
    List<String> lines = Files.readAllLines(file);
    Set<String> distinctTimes = new LinkedHashSet<>();
    for (String l : lines) distinctTimes.add(l.split(";")[0]);

    int code =
        run(
            "--data",
            data.toString(),
            "--device",
            "dev_599393",
            "--delimiter",
            ";",
            "--no-header",
            "--time-column",
            "1",
            "--time-format",
            "dd/MM/yyyy HH:mm:ss",
            "--zone",
            "Europe/Berlin",
            "--value-column",
            "2",
            file.toString());

    assertThat(code).as(err.toString()).isZero();
    List<Reading> rows = readings();
    assertThat(rows).hasSize(distinctTimes.size()); // duplicate timestamps stored once
    // A Berlin day spans two UTC dates: 2012-01-10 23:00Z .. 2012-01-11 22:59:59Z.
    assertThat(ReadingsFileReader.partFiles(data.resolve("readings")))
        .extracting(p -> p.getParent().getFileName().toString())
        .containsExactly("date=2012-01-10", "date=2012-01-11");
    assertThat(rows.get(0))
        .isEqualTo(
            new Reading("dev_599393", "power", Instant.parse("2012-01-10T23:00:00Z"), NOW, 130));
    assertThat(rows.get(rows.size() - 1).ts()).isEqualTo(Instant.parse("2012-01-11T22:59:59Z"));
    assertThat(rows.get(rows.size() - 1).value()).isEqualTo(156);
    assertThat(rows).isSortedAccordingTo(Comparator.comparing(Reading::ts));
    assertThat(out)
        .contains(lines.size() + " rows read")
        .contains(distinctTimes.size() + " readings written")
        .contains((lines.size() - distinctTimes.size()) + " duplicates dropped")
        .contains("0 quarantined")
        .contains("2 Parquet file(s)");
  }

  @Test
  void importsTheRealAmpds2WeekByHeaderNamesIncludingPlusRows() throws IOException {
    Path file = CsvTraceReaderTest.AMPDS2;
    List<String> lines = Files.readAllLines(file);

    int code =
        run(
            "--data",
            data.toString(),
            "--device",
            "b1e",
            "--time-column",
            "unix_ts",
            "--time-format",
            "epoch-seconds",
            "--value-column",
            "P",
            "--event",
            "Real Power",
            file.toString());

    assertThat(code).as(err.toString()).isZero();
    List<Reading> rows = readings();
    assertThat(rows).hasSize(lines.size() - 1);
    // 2014-02-25 00:00 .. 2014-03-04 00:00 Vancouver = 08:00Z each day: 8 UTC dates.
    assertThat(ReadingsFileReader.partFiles(data.resolve("readings"))).hasSize(8);
    assertThat(rows.get(0).ts()).isEqualTo(Instant.parse("2014-02-25T08:00:00Z"));
    assertThat(rows.get(rows.size() - 1).ts()).isEqualTo(Instant.parse("2014-03-04T08:00:00Z"));
    // The imputed row "+1393824300,...,P=0" is imported like any other.
    assertThat(rows)
        .contains(new Reading("b1e", "Real Power", Instant.parse("2014-03-03T05:25:00Z"), NOW, 0));
    assertThat(out).contains((lines.size() - 1) + " readings written").contains("8 Parquet");
  }

  @Test
  void badRowsAreQuarantinedWithPathAndLineAndTheRestIsImported() throws IOException {
    Path file = data.resolve("trace.csv");
    Files.writeString(
        file, "unix_ts,P\n1393315200,10\n1393315260,ten\n1393315320,30\n\n13933153x0,40\n");

    int code =
        run(
            "--data",
            data.toString(),
            "--device",
            "d",
            "--preset",
            "ampds2",
            "--value-column",
            "2",
            file.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(readings()).extracting(Reading::value).containsExactly(10.0, 30.0);
    List<String> q = Files.readAllLines(data.resolve("quarantine/home=home/2026-11-28.jsonl"));
    assertThat(q).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(q.get(0));
    assertThat(first.get("source").asText()).isEqualTo(file + ":3");
    assertThat(first.get("raw").asText()).isEqualTo("1393315260,ten");
    assertThat(first.get("reason").asText()).startsWith("bad value");
    assertThat(new ObjectMapper().readTree(q.get(1)).get("source").asText()).endsWith(":6");
    assertThat(out).contains("4 rows read").contains("2 quarantined");
  }

  @Test
  void userMistakesAreOneLineAndExitTwo() {
    assertThat(run("--data", data.toString(), "--device", "d", data.resolve("nope.csv").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no such file").doesNotContain("Exception");

    err.getBuffer().setLength(0);
    Path file = CsvTraceReaderTest.AMPDS2;
    assertThat(
            run(
                "--data",
                data.toString(),
                "--device",
                "d",
                "--preset",
                "ampds2",
                "--value-column",
                "Watts",
                file.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no column 'Watts'").hasLineCount(1);

    err.getBuffer().setLength(0);
    assertThat(
            run("--data", data.toString(), "--device", "d", "--zone", "Mars/Base", file.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("Mars/Base");
  }

  /** The quarantine lines of the default home, in order. */
  List<JsonNode> quarantined() throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    Path dir = data.resolve("quarantine/home=home");
    if (!Files.isDirectory(dir)) return lines;
    try (var files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        for (String l : Files.readAllLines(f)) lines.add(new ObjectMapper().readTree(l));
      }
    }
    return lines;
  }

  int importIso(Path file) {
    return run("--data", data.toString(), "--device", "d", file.toString());
  }

  @Test
  void valuesOutsideThePhysicalRangeAreQuarantinedLikeTheStreamsAndTheEdgeIsKept()
      throws IOException {
    Path file =
        Files.writeString(
            data.resolve("range.csv"),
            "time,watts\n"
                + "2026-11-27T10:00:00Z,1e12\n"
                + "2026-11-27T10:00:01Z,-1e7\n"
                + "2026-11-27T10:00:02Z,1000001\n"
                + "2026-11-27T10:00:03Z,1e6\n"
                + "2026-11-27T10:00:04Z,-1000000\n"
                + "2026-11-27T10:00:05Z,230.5\n");
    assertThat(importIso(file)).as(err.toString()).isZero();
    assertThat(readings()).extracting(Reading::value).containsExactly(1e6, -1e6, 230.5);
    List<JsonNode> q = quarantined();
    assertThat(q)
        .extracting(n -> n.get("reason").asText())
        .containsOnly("value out of physical range")
        .hasSize(3);
    assertThat(q)
        .extracting(n -> n.get("raw").asText())
        .containsExactly(
            "2026-11-27T10:00:00Z,1e12",
            "2026-11-27T10:00:01Z,-1e7",
            "2026-11-27T10:00:02Z,1000001");
    assertThat(q.get(0).get("source").asText()).isEqualTo(file + ":2");
    assertThat(out).contains("6 rows read, 3 readings written").contains("3 quarantined");
  }

  @Test
  void aByteThatIsNotUtf8SpoilsOnlyItsLine() throws IOException {
    Path file = data.resolve("latin1.csv");
    Files.write(
        file,
        concat(
            "time,watts\n2026-11-27T10:00:00Z,10\n",
            new byte[] {
              '2',
              '0',
              '2',
              '6',
              '-',
              '1',
              '1',
              '-',
              '2',
              '7',
              'T',
              '1',
              '0',
              ':',
              '0',
              '0',
              ':',
              '0',
              '1',
              'Z',
              ',',
              '2',
              '0',
              (byte) 0xB0,
              'C',
              '\r',
              '\n'
            },
            "2026-11-27T10:00:02Z,30\r\n"));
    assertThat(importIso(file)).as(err.toString()).isZero();
    assertThat(readings()).extracting(Reading::value).containsExactly(10.0, 30.0);
    List<JsonNode> q = quarantined();
    assertThat(q).hasSize(1);
    // The bad byte is named in hex with its place; the text stays readable, the byte as U+FFFD.
    assertThat(q.get(0).get("reason").asText())
        .isEqualTo("not UTF-8 text: byte 0xB0 at byte 24 of the line (kept as \uFFFD)");
    assertThat(q.get(0).get("raw").asText()).isEqualTo("2026-11-27T10:00:01Z,20\uFFFDC");
    assertThat(q.get(0).get("source").asText()).isEqualTo(file + ":3");
  }

  @Test
  void whenEveryRowIsQuarantinedItSaysSoInOneLineAndExitsThree() throws IOException {
    // A ';' file read with the default ',': one column a row.
    Path file =
        Files.writeString(
            data.resolve("semicolons.csv"),
            "time;watts\n2026-11-27T10:00:00Z;10\n2026-11-27T10:00:01Z;20\n2026-11-27T10:00:02Z;30\n");
    assertThat(importIso(file)).isEqualTo(3);
    assertThat(out).contains("3 rows read, 0 readings written").contains("3 quarantined");
    assertThat(err.toString())
        .isEqualTo(
            "csv: nothing imported: all 3 rows were quarantined (mostly: expected at least 2"
                + " columns) in "
                + data.resolve("quarantine/home=home")
                + "; is the delimiter right (--delimiter, --preset)?\n");
    assertThat(quarantined()).hasSize(3);

    err.getBuffer().setLength(0);
    Path empty = Files.writeString(data.resolve("empty.csv"), "time,watts\n");
    assertThat(importIso(empty)).isEqualTo(3);
    assertThat(err.toString()).isEqualTo("csv: nothing imported: the file holds no rows\n");
  }

  @Test
  void aDirectoryIsNamedAsOne() throws IOException {
    Path folder = Files.createDirectories(data.resolve("traces"));
    assertThat(importIso(folder)).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("csv: is a directory, not a CSV file: " + folder + "\n");
  }

  @Test
  void absurdlyLongFieldsAreRefusedFastAndTheRestIsImported() throws IOException {
    Path file = data.resolve("huge.csv");
    String twoMegabytes = "1".repeat(2_000_000);
    String longNumber = "9".repeat(200);
    Files.writeString(
        file,
        "time,watts\n"
            + "2026-11-27T10:00:00Z,"
            + twoMegabytes
            + "\n"
            + "2026-11-27T10:00:01Z,"
            + longNumber
            + "\n"
            + "2026-11-27T10:00:02Z,30\n");
    long start = System.nanoTime();
    assertThat(importIso(file)).as(err.toString()).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(readings()).extracting(Reading::value).containsExactly(30.0);
    List<JsonNode> q = quarantined();
    assertThat(q)
        .extracting(n -> n.get("reason").asText())
        .containsExactly(
            "line too long: 2000021 bytes (at most 4096)",
            "bad value: '9999999999999999...' is 200 characters long, too long for a number (at"
                + " most 64)");
    assertThat(q.get(0).get("raw").asText())
        .hasSizeLessThan(5000)
        .endsWith("...[2000021 bytes in all]");
  }

  @Test
  void theHelpListsTheExitCodes() {
    String help = new CommandLine(new CsvImportCommand()).setUsageHelpWidth(200).getUsageMessage();
    assertThat(help)
        .contains("Exit codes:")
        .containsPattern("(?m)^  0 +imported")
        .containsPattern("(?m)^  3 +nothing imported: every row was quarantined");
  }

  private static byte[] concat(String a, byte[] b, String c) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] z = c.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[x.length + b.length + z.length];
    System.arraycopy(x, 0, out, 0, x.length);
    System.arraycopy(b, 0, out, x.length, b.length);
    System.arraycopy(z, 0, out, x.length + b.length, z.length);
    return out;
  }
}
