package org.p2penergy.reports.pdf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/** How figures read in a report: fixed rules, so tests can compute the expected text by hand. */
public final class Formats {
  private static final DateTimeFormatter LONG_DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private final String currency;
  private final String symbol;

  public Formats(String currencyCode) {
    this.currency = currencyCode == null ? "" : currencyCode;
    this.symbol = symbolOf(this.currency);
  }

  /** "Friday 27 November 2026": a report's day, in the PDF title and the email body alike. */
  public static String longDay(LocalDate day) {
    return LONG_DAY.format(day);
  }

  /** "3.42 kWh"; three decimals below 1 kWh ("0.048 kWh"), so small loads do not read as zero. */
  public static String kwh(double kwh) {
    return number(kwh) + " kWh";
  }

  /** The number part of {@link #kwh}. */
  public static String number(double kwh) {
    return String.format(Locale.ROOT, Math.abs(kwh) < 1 ? "%.3f" : "%.2f", kwh);
  }

  /** "$0.51" for a one-character symbol, else "0.51 CHF". */
  public String money(double amount) {
    String value = String.format(Locale.ROOT, "%.2f", amount);
    if (symbol.length() == 1) {
      return amount < 0 ? "-" + symbol + value.substring(1) : symbol + value;
    }
    return symbol.isEmpty() ? value : value + " " + symbol;
  }

  public String currency() {
    return currency;
  }

  /** "835 W", or one decimal below 100 W: "14.5 W". */
  public static String watts(double w) {
    return String.format(Locale.ROOT, w >= 100 ? "%.0f W" : "%.1f W", w);
  }

  /** A share 0..1 as "35%". */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  /** A change from {@code before} to {@code now} as "+5%" / "-3%"; "n/a" when before is 0. */
  public static String change(double now, double before) {
    if (before <= 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%+.0f%%", (now - before) / before * 100);
  }

  /** "8 h 20 min", "35 min", "40 s"; from 100 hours on just "273 h". */
  public static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    long minutes = Math.round(seconds / 60.0);
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes >= 100 * 60) {
      return Math.round(minutes / 60.0) + " h";
    }
    return minutes / 60 + " h " + minutes % 60 + " min";
  }

  private static String symbolOf(String code) {
    try {
      return Currency.getInstance(code).getSymbol(Locale.US);
    } catch (IllegalArgumentException | NullPointerException e) {
      return code;
    }
  }
}
