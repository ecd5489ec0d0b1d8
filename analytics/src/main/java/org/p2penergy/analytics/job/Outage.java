package org.p2penergy.analytics.job;

import java.time.Instant;

/** An interval when the collector's stream was down (DATA/outages/*.jsonl). */
public record Outage(Instant start, Instant end, String reason) {}
