package org.p2penergy.notebooks.kit;

import java.util.List;
import java.util.Locale;

/** Rows as an aligned plain-text table (readable in a notebook, in a diff and in a log). */
public final class TextTable {

  private TextTable() {}

  /** Numbers right-aligned with up to 3 decimals, everything else left-aligned. */
  public static String format(List<String> header, List<? extends List<?>> rows) {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
    }
    for (List<?> row : rows) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], cell(row.get(i)).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      out.append(pad(header.get(i), width[i], false));
    }
    out.append('\n');
    for (int w : width) {
      out.append("-".repeat(w)).append("  ");
    }
    out.append('\n');
    for (List<?> row : rows) {
      for (int i = 0; i < width.length; i++) {
        Object value = row.get(i);
        out.append(pad(cell(value), width[i], value instanceof Number));
      }
      out.append('\n');
    }
    return out.toString().replaceAll(" +\n", "\n");
  }

  static String cell(Object value) {
    if (value instanceof Double
        || value instanceof Float
        || value instanceof java.math.BigDecimal) {
      return String.format(Locale.ROOT, "%.3f", ((Number) value).doubleValue());
    }
    return String.valueOf(value);
  }

  private static String pad(String text, int width, boolean right) {
    String spaces = " ".repeat(width - text.length());
    return (right ? spaces + text : text + spaces) + "  ";
  }
}
