package org.p2penergy.collector.importer;

import java.time.Instant;

/** One sample of a recorded power trace: when, and the value (watts for power traces). */
public record TracePoint(Instant ts, double value) {}
