package org.p2penergy.analytics.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Prints a query result as a plain text table, like psql: header, rule, rows, row count. */
final class TablePrinter {
  private final int truncate;

  TablePrinter(int truncate) {
    this.truncate = truncate;
  }

  void print(PrintWriter out, String[] columns, List<Row> rows, boolean more) {
    List<String[]> cells = new ArrayList<>();
    int[] width = new int[columns.length];
    for (int c = 0; c < columns.length; c++) {
      width[c] = columns[c].length();
    }
    for (Row row : rows) {
      String[] line = new String[columns.length];
      for (int c = 0; c < columns.length; c++) {
        line[c] = cell(row.get(c));
        width[c] = Math.max(width[c], line[c].length());
      }
      cells.add(line);
    }
    out.println(line(columns, width));
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < columns.length; c++) {
      rule.append(c == 0 ? "" : "-+-").append("-".repeat(width[c]));
    }
    out.println(rule);
    for (String[] line : cells) {
      out.println(line(line, width));
    }
    out.println(
        "("
            + rows.size()
            + (rows.size() == 1 ? " row" : " rows")
            + (more ? ", more not shown)" : ")"));
    out.flush();
  }

  private String cell(Object value) {
    String text = value == null ? "NULL" : value.toString();
    if (truncate > 0 && text.length() > truncate) {
      return text.substring(0, Math.max(0, truncate - 3)) + "...";
    }
    return text;
  }

  private static String line(String[] values, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < values.length; c++) {
      b.append(c == 0 ? "" : " | ")
          .append(values[c])
          .append(" ".repeat(width[c] - values[c].length()));
    }
    return b.toString().stripTrailing();
  }
}
