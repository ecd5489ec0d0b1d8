package org.p2penergy.collector.simulate;

/** The true power an appliance draws at an instant, a pure function of the simulated time. */
@FunctionalInterface
interface LoadModel {
  double watts(long epochMillis);
}
