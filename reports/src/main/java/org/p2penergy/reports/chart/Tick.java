package org.p2penergy.reports.chart;

/** A labelled tick on a numeric axis: where it is (in the axis's units) and what it says. */
public record Tick(double value, String label) {}
