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
}
