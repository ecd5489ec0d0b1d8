package org.p2penergy.analytics.job;

import java.io.Serializable;
import org.p2penergy.analytics.energy.DeviceDayResult;

/** One device-day of one home: what the pass hands to the outputs, never to the driver. */
record HomeDeviceDay(String home, DeviceDayResult day) implements Serializable {}
