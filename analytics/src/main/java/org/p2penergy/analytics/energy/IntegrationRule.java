package org.p2penergy.analytics.energy;

/**
 * How power between two readings becomes energy. {@link #LEFT}: each reading holds until the next
 * (what a sensor that publishes on change means). {@link #TRAPEZOID}: linear between readings (what
 * the public reference figures use).
 */
public enum IntegrationRule {
  LEFT,
  TRAPEZOID
}
