package org.p2penergy.collector.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvTraceReaderTest {

  static Path resource(String name) {
    try {
      return Path.of(CsvTraceReaderTest.class.getResource("/real/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static final Path TRACEBASE = resource("tracebase/dev_599393_2012.01.11.csv");
  static final Path AMPDS2 = resource("ampds2/Electricity_B1E_2014-02-25_2014-03-03.csv");

  record Bad(long line, String reason) {}

  static List<Bad> collect(CsvTraceReader reader, String text, List<TracePoint> points)
      throws IOException {
    List<Bad> bad = new ArrayList<>();
    reader.read(
        new StringReader(text),
        new CsvTraceReader.Listener() {
          @Override
          public void point(long line, TracePoint p) {
            points.add(p);
          }

          @Override
          public void bad(long line, String raw, String reason) {
            bad.add(new Bad(line, reason));
          }
        });
    return bad;
  }

  @Nested
  class Tracebase {
    @Test
    void readsEveryLineOfTheRealDayInBerlinTime() throws IOException {
      long lines = Files.readAllLines(TRACEBASE).stream().filter(l -> !l.isBlank()).count();
      List<TracePoint> points = new CsvTraceReader(CsvTraceFormat.tracebase()).readAll(TRACEBASE);

      assertThat(points).hasSize((int) lines);
      // First line "11/01/2012 00:00:00;130;130": midnight in Berlin (CET, UTC+1) in winter.
      assertThat(points.get(0))
          .isEqualTo(new TracePoint(Instant.parse("2012-01-10T23:00:00Z"), 130));
      // Last line "11/01/2012 23:59:59;156;156".
      assertThat(points.get(points.size() - 1))
          .isEqualTo(new TracePoint(Instant.parse("2012-01-11T22:59:59Z"), 156));
    }

    @Test
    void crlfLineEndsReadTheSameAsLf() throws IOException {
      List<TracePoint> points = new ArrayList<>();
      List<Bad> bad =
          collect(
              new CsvTraceReader(CsvTraceFormat.tracebase()),
              "11/01/2012 00:00:00;130;130\r\n11/01/2012 00:00:02;131.5;130\r\n",
              points);
      assertThat(bad).isEmpty();
      assertThat(points)
          .containsExactly(
              new TracePoint(Instant.parse("2012-01-10T23:00:00Z"), 130),
              new TracePoint(Instant.parse("2012-01-10T23:00:02Z"), 131.5));
    }

    @Test
    void summerTimeIsTwoHoursAhead() throws IOException {
      List<TracePoint> points = new ArrayList<>();
      collect(new CsvTraceReader(CsvTraceFormat.tracebase()), "01/07/2012 12:00:00;5;5\n", points);
      assertThat(points.get(0).ts()).isEqualTo(Instant.parse("2012-07-01T10:00:00Z"));
    }

    @Test
    void badRowsAreReportedWithTheirLineNumberAndTheRestIsRead() throws IOException {
      List<TracePoint> points = new ArrayList<>();
      List<Bad> bad =
          collect(
              new CsvTraceReader(CsvTraceFormat.tracebase()),
              "11/01/2012 00:00:00;130;130\n"
                  + "31/02/2012 00:00:01;130;130\n"
                  + "11/01/2012 00:00:02;abc;130\n"
                  + "11/01/2012 00:00:03\n"
                  + "11/01/2012 00:00:04;NaN;1\n"
                  + "11/01/2012 00:00:05;7;7\n",
              points);
      assertThat(points).extracting(TracePoint::value).containsExactly(130.0, 7.0);
      assertThat(bad).extracting(Bad::line).containsExactly(2L, 3L, 4L, 5L);
      assertThat(bad.get(0).reason()).startsWith("bad time");
      assertThat(bad.get(1).reason()).startsWith("bad value");
      assertThat(bad.get(2).reason()).contains("columns");
    }
  }

  @Nested
  class Ampds2 {
    @Test
    void readsTheRealWeekIncludingImputedPlusRows() throws IOException {
      List<String> lines = Files.readAllLines(AMPDS2);
      long plusRows = lines.stream().filter(l -> l.startsWith("+")).count();
      List<TracePoint> points = new CsvTraceReader(CsvTraceFormat.ampds2()).readAll(AMPDS2);

      assertThat(plusRows).isPositive();
      assertThat(points).hasSize(lines.size() - 1); // minus the header
      // 1393315200 = 2014-02-25 00:00 in Vancouver (PST, UTC-8).
      assertThat(points.get(0)).isEqualTo(new TracePoint(Instant.parse("2014-02-25T08:00:00Z"), 0));
      assertThat(points.get(points.size() - 1).ts())
          .isEqualTo(Instant.parse("2014-03-04T08:00:00Z"));
      // Line 8487 is "+1393824300,...": 1393824300 s = 2014-03-03T05:25:00Z.
      assertThat(lines.get(8486)).startsWith("+1393824300,");
      assertThat(points.get(8485).ts()).isEqualTo(Instant.parse("2014-03-03T05:25:00Z"));
    }

    @Test
    void columnsByNumberWithPlusOrByNameAreTheSame() throws IOException {
      String text = "unix_ts,V,P\n+100,120.5,+42\n";
      for (String value : List.of("P", "3", "+3", "p")) {
        CsvTraceFormat format =
            new CsvTraceFormat(
                ',', true, "1", TimeFormat.of("epoch-seconds"), ZoneOffset.UTC, value);
        List<TracePoint> points = new ArrayList<>();
        collect(new CsvTraceReader(format), text, points);
        assertThat(points).containsExactly(new TracePoint(Instant.ofEpochSecond(100), 42));
      }
    }
  }

  @Test
  void epochMillisAndIso() throws IOException {
    CsvTraceFormat millis =
        new CsvTraceFormat(',', false, "1", TimeFormat.of("epoch-millis"), ZoneOffset.UTC, "2");
    List<TracePoint> points = new ArrayList<>();
    collect(new CsvTraceReader(millis), "1500,1\n", points);
    assertThat(points.get(0).ts()).isEqualTo(Instant.parse("1970-01-01T00:00:01.500Z"));

    CsvTraceFormat iso =
        new CsvTraceFormat(
            ',', false, "1", TimeFormat.of("iso"), java.time.ZoneId.of("America/New_York"), "2");
    points.clear();
    collect(new CsvTraceReader(iso), "2026-11-27T18:07:12.555Z,1\n2026-11-27T12:00:00,2\n", points);
    assertThat(points)
        .extracting(TracePoint::ts)
        .containsExactly(
            Instant.parse("2026-11-27T18:07:12.555Z"), Instant.parse("2026-11-27T17:00:00Z"));
  }

  @Test
  void unknownHeaderNameAndNamesWithoutHeaderAreRefused() {
    CsvTraceFormat format =
        new CsvTraceFormat(',', true, "time", TimeFormat.of("epoch-seconds"), ZoneOffset.UTC, "W");
    assertThatThrownBy(
            () -> collect(new CsvTraceReader(format), "unix_ts,P\n1,2\n", new ArrayList<>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no column 'time'");
    assertThatThrownBy(
            () -> new CsvTraceFormat(',', false, "time", TimeFormat.of("iso"), ZoneOffset.UTC, "2"))
        .hasMessageContaining("header");
    assertThatThrownBy(() -> TimeFormat.of("dd/MM/yyyy ppp{")).hasMessageContaining("time format");
  }
}
