package org.p2penergy.reports.pdf;

import java.util.List;

/**
 * A table to draw: column headers, relative widths (any positive numbers), which columns are
 * right-aligned (numbers), the body rows, and how many of the last rows are totals (drawn bold).
 */
public record Table(
    List<String> headers,
    List<Float> widths,
    List<Boolean> rightAligned,
    List<List<String>> rows,
    int totalRows) {
  public Table {
    headers = List.copyOf(headers);
    widths = List.copyOf(widths);
    rightAligned = List.copyOf(rightAligned);
    rows = rows.stream().map(List::copyOf).toList();
    if (widths.size() != headers.size() || rightAligned.size() != headers.size()) {
      throw new IllegalArgumentException("a width and an alignment for every column");
    }
  }
}
