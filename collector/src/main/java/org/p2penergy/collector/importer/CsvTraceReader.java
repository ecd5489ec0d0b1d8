package org.p2penergy.collector.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a power trace in a {@link CsvTraceFormat}: one {@link TracePoint} per good row, and each
 * bad row reported with its line number and reason (never fatal). LF and CRLF line ends both work;
 * blank lines are skipped; fields may be wrapped in double quotes. Each line is decoded on its own
 * ({@link CsvLines}): a byte that is not UTF-8, a line over 4 KiB or a number over {@link
 * Numbers#MAX_NUMBER_CHARS} characters spoils only its row, quickly.
 */
public final class CsvTraceReader {

  /** Receives the rows of a trace in file order. Line numbers are 1-based, header included. */
  public interface Listener {
    default void point(long lineNumber, TracePoint point) {}

    /** A good row with its text (what an importer quarantines if it refuses the value). */
    default void point(long lineNumber, String line, TracePoint point) {
      point(lineNumber, point);
    }

    default void bad(long lineNumber, String line, String reason) {}
  }

  private final CsvTraceFormat format;

  public CsvTraceReader(CsvTraceFormat format) {
    this.format = format;
  }

  /**
   * The good points of a file, in file order; bad rows are skipped (use {@link #read(Path,
   * Listener)} to see them).
   */
  public List<TracePoint> readAll(Path file) throws IOException {
    List<TracePoint> points = new ArrayList<>();
    read(
        file,
        new Listener() {
          @Override
          public void point(long lineNumber, TracePoint point) {
            points.add(point);
          }
        });
    return points;
  }

  /**
   * @throws IllegalArgumentException if a named column is not in the file's header
   */
  public void read(Path file, Listener listener) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      read(CsvLines.of(in), listener);
    }
  }

  /**
   * @throws IllegalArgumentException if a named column is not in the header
   */
  public void read(Reader reader, Listener listener) throws IOException {
    read(
        CsvLines.of(reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16)),
        listener);
  }

  private void read(CsvLines in, Listener listener) throws IOException {
    List<String> headerNames = List.of();
    if (format.header()) {
      CsvLines.Line first = in.next();
      if (first == null) return;
      headerNames = split(stripBom(first.text())); // names only: kept even if not clean UTF-8
    }
    int timeIndex = CsvTraceFormat.resolve(format.timeColumn(), headerNames);
    int valueIndex = CsvTraceFormat.resolve(format.valueColumn(), headerNames);
    CsvLines.Line next;
    while ((next = in.next()) != null) {
      long lineNumber = next.number();
      String line = next.text();
      if (next.problem() != null) {
        listener.bad(lineNumber, line, next.problem());
        continue;
      }
      if (line.isBlank()) continue;
      if (lineNumber == 1) line = stripBom(line);
      List<String> fields = split(line);
      if (fields.size() <= Math.max(timeIndex, valueIndex)) {
        listener.bad(
            lineNumber,
            line,
            "expected at least " + (Math.max(timeIndex, valueIndex) + 1) + " columns");
        continue;
      }
      Instant ts;
      try {
        ts = format.timeFormat().parse(stripPlus(fields.get(timeIndex)), format.zone());
      } catch (DateTimeException | NumberFormatException e) {
        listener.bad(lineNumber, line, "bad time: " + e.getMessage());
        continue;
      }
      double value;
      try {
        value = Numbers.finite(stripPlus(fields.get(valueIndex)));
      } catch (NumberFormatException e) {
        listener.bad(lineNumber, line, "bad value: " + e.getMessage());
        continue;
      }
      listener.point(lineNumber, line, new TracePoint(ts, value));
    }
  }

  private List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    char d = format.delimiter();
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == d) {
        fields.add(unquote(line.substring(start, i).strip()));
        start = i + 1;
      }
    }
    return fields;
  }

  private static String unquote(String field) {
    if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
      return field.substring(1, field.length() - 1).replace("\"\"", "\"");
    }
    return field;
  }

  // AMPds2 marks rows its authors filled in with a leading '+' on the first field.
  private static String stripPlus(String field) {
    return field.startsWith("+") ? field.substring(1) : field;
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
