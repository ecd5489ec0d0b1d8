package org.p2penergy.analytics.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap in use right after any garbage collection of this JVM: what the process had to
 * keep, as opposed to what it had allocated and not collected yet. In local mode the driver and the
 * executors share the JVM, so this is both; {@link #retainedMb()} after the job is the driver's.
 */
final class HeapWatch {
  private final AtomicLong peakAfterGc = new AtomicLong();

  HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    notification.getType())) {
                  return;
                }
                long used =
                    GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData())
                        .getGcInfo()
                        .getMemoryUsageAfterGc()
                        .values()
                        .stream()
                        .mapToLong(MemoryUsage::getUsed)
                        .sum();
                peakAfterGc.accumulateAndGet(used, Math::max);
              },
              null,
              null);
    }
  }

  /** Heap and non-heap pools in use after the fullest collection so far, in MB. */
  double peakAfterGcMb() {
    return peakAfterGc.get() / 1e6;
  }

  /** Heap in use after a full collection now, in MB. */
  static double retainedMb() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
  }
}
