package org.p2penergy.notebooks.demo;

import java.time.ZoneId;

/**
 * The built-in demo home: its three sensors and the loads measured by the original project
 * (docs/ARCHITECTURE.md). The device ids are those of deploy/p2penergy.example.yaml.
 */
public final class DemoHome {

  public static final ZoneId ZONE = ZoneId.of("America/New_York");

  public static final String FRIDGE = "34003d000547363332363639";
  public static final String MICROWAVE = "2a0031000447363339343638";
  public static final String PI = "1e0032000a47363433353735";

  /** Sensor noise floor with no load, added to every reading. */
  public static final double NOISE_FLOOR_W = 5.5;

  public static final double FRIDGE_IDLE_W = 20;
  public static final double FRIDGE_DOOR_OPEN_W = 35;
  public static final double FRIDGE_COOLING_W = 160;
  public static final double FRIDGE_SURGE_W = 840;
  public static final int SURGE_SECONDS = 20;

  /** Microwave power levels 3, 6 and 10. */
  public static final double[] MICROWAVE_LEVELS_W = {700, 1200, 2000};

  public static final int[] MICROWAVE_LEVELS = {3, 6, 10};

  public static final double PI_W = 1;

  /** The original firmware published every ~4 s; 120 V was assumed for the current. */
  public static final int PERIOD_S = 4;

  public static final double VOLTS = 120;

  private DemoHome() {}
}
