package org.p2penergy.collector.store;

import java.time.Instant;

/**
 * One row of {@code DATA/readings}: a number a device published. {@code ts} is the cloud's {@code
 * published_at}, {@code receivedAt} the collector's clock; {@code value} is watts for power events.
 */
public record Reading(
    String deviceId, String event, Instant ts, Instant receivedAt, double value) {}
