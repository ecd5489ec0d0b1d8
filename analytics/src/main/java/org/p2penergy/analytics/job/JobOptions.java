package org.p2penergy.analytics.job;

import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;
import org.p2penergy.analytics.energy.IntegrationRule;

/** How the job integrates and what it calls standby; the homes' configs, broadcast once. */
public record JobOptions(
    Broadcast<HomeConfigs> configs, IntegrationRule rule, double standbyPercentile)
    implements Serializable {
  public static final double DEFAULT_STANDBY_PERCENTILE = 10;

  HomeConfigs homes() {
    return configs.value();
  }
}
