package org.p2penergy.collector.store;

import java.time.Instant;

/**
 * A period in which the spool cannot be written: since when, why ({@link
 * StoreRefusedException#DISK_FULL} or {@link StoreRefusedException#NOT_WRITABLE}), the operating
 * system's words, and the refused count when it began (so the period's own refusals can be told).
 */
record Unwritable(Instant since, String reason, String detail, long refusedBefore) {
  StoreRefusedException refusal() {
    return new StoreRefusedException(reason, since, detail, null);
  }
}
