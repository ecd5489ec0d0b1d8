package org.p2penergy.reports.mail;

import java.time.LocalDate;

/**
 * The headline of a rendered report, as the email shows it: the period ({@code day}, {@code week}
 * or {@code month}) ending on {@code date}, its energy and cost, and the appliance table as plain
 * text.
 */
public record ReportFigures(
    LocalDate date, String period, double kwh, double cost, String currency, String table) {}
