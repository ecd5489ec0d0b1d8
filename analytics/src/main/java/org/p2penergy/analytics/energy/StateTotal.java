package org.p2penergy.analytics.energy;

import java.io.Serializable;

/** Time, energy and entries (episodes begun that day) of one state over one day. */
public record StateTotal(String state, double seconds, double kwh, int entries)
    implements Serializable {}
