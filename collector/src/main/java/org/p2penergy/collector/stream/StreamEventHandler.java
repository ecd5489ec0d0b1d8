package org.p2penergy.collector.stream;

import java.io.IOException;
import java.time.Instant;

/** What the stream loop hands each message to. */
public interface StreamEventHandler {
  /** One SSE message: its name and data (cut at {@link EventParser#MAX_EVENT_CHARS} + 1). */
  void onEvent(String name, String data, Instant receivedAt) throws IOException;

  /** The first connection of this run is open (the device list is fetched then). */
  default void onFirstConnect() {}
}
