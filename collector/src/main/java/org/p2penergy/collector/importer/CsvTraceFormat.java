package org.p2penergy.collector.importer;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * How to read a power trace from CSV: the delimiter, whether the first line is a header, which
 * columns hold the time and the value (a 1-based number, optionally with a leading {@code +}, or a
 * header name), how the time is written, and the zone of times written without an offset.
 */
public record CsvTraceFormat(
    char delimiter,
    boolean header,
    String timeColumn,
    TimeFormat timeFormat,
    ZoneId zone,
    String valueColumn) {

  public CsvTraceFormat {
    if (timeColumn == null || timeColumn.isBlank() || valueColumn == null || valueColumn.isBlank())
      throw new IllegalArgumentException("the time and value columns must be given");
    if (!header && (columnNumber(timeColumn) < 0 || columnNumber(valueColumn) < 0))
      throw new IllegalArgumentException(
          "columns can be named only when the file has a header; give their 1-based numbers");
  }

  /**
   * tracebase plug traces: no header, {@code ;}, {@code dd/MM/yyyy HH:mm:ss} naive Darmstadt time,
   * the 1 s mean watts in column 2.
   */
  public static CsvTraceFormat tracebase() {
    return new CsvTraceFormat(
        ';', false, "1", TimeFormat.of("dd/MM/yyyy HH:mm:ss"), ZoneId.of("Europe/Berlin"), "2");
  }

  /** AMPds2 meter files: header, {@code ,}, {@code unix_ts} epoch seconds, real power {@code P}. */
  public static CsvTraceFormat ampds2() {
    return new CsvTraceFormat(
        ',', true, "unix_ts", TimeFormat.of("epoch-seconds"), ZoneOffset.UTC, "P");
  }

  /**
   * The 0-based index of a column in a row, given the header (empty without one).
   *
   * @throws IllegalArgumentException if a named column is not in the header
   */
  static int resolve(String column, List<String> headerNames) {
    int number = columnNumber(column);
    if (number >= 0) return number;
    String wanted = column.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < headerNames.size(); i++) {
      if (headerNames.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted)) return i;
    }
    throw new IllegalArgumentException(
        "no column '" + column + "' in the header " + String.join(",", headerNames));
  }

  /** {@code N} or {@code +N} (1-based) as a 0-based index, or -1 if the text is a name. */
  static int columnNumber(String column) {
    String s = column.strip();
    if (s.startsWith("+")) s = s.substring(1);
    if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) return -1;
    int n = Integer.parseInt(s);
    if (n < 1) throw new IllegalArgumentException("column numbers start at 1, not " + column);
    return n - 1;
  }
}
