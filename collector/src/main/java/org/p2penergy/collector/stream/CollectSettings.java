package org.p2penergy.collector.stream;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.p2penergy.home.config.CollectorSettings;
import org.p2penergy.home.config.DeviceHomes;

/**
 * Everything {@code collect} runs with, resolved once from the command line and the config file.
 * The token is not here, only where it came from ({@code env:NAME} or {@code file:PATH}): the token
 * itself is passed separately so that this record can be printed.
 */
/**
 * @param homes the homes this collector serves (one, or a community's on a product stream)
 * @param deviceHomes which of them each device belongs to
 */
public record CollectSettings(
    Path dataDir,
    URI streamUrl,
    CollectorSettings store,
    Duration statusInterval,
    boolean traceSync,
    String tokenSource,
    List<String> homes,
    DeviceHomes deviceHomes) {

  public static final Duration DEFAULT_STATUS_INTERVAL = Duration.ofMinutes(1);

  /** While the stream is up the heartbeat moves this often (the resolution of crash outages). */
  public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(2);
}
