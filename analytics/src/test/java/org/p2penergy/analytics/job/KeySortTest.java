package org.p2penergy.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeySortTest {
  @Test
  void keysInOrderEachWithItsValue() {
    Random random = new Random(11);
    for (int size : new int[] {0, 1, 2, 15, 17, 1000, 100_000}) {
      long[] keys = new long[size + 5]; // a tail past size that must stay as it is
      double[] values = new double[size + 5];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = random.nextInt(Math.max(1, size / 3)); // many repeated keys
        values[i] = keys[i] * 10 + 0.5;
      }
      long[] tail = Arrays.copyOfRange(keys, size, keys.length);
      long[] expected = Arrays.copyOf(keys, size);
      Arrays.sort(expected);
      KeySort.sort(keys, values, size);
      assertThat(Arrays.copyOf(keys, size)).as("size %d", size).isEqualTo(expected);
      for (int i = 0; i < size; i++) {
        assertThat(values[i]).isEqualTo(keys[i] * 10 + 0.5);
      }
      assertThat(Arrays.copyOfRange(keys, size, keys.length)).isEqualTo(tail);
    }
  }

  @Test
  void alreadySortedAndReversedInputs() {
    long[] keys = new long[50_000];
    double[] values = new double[keys.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = keys.length - i;
      values[i] = -keys[i];
    }
    KeySort.sort(keys, values, keys.length);
    for (int i = 0; i < keys.length; i++) {
      assertThat(keys[i]).isEqualTo(i + 1);
      assertThat(values[i]).isEqualTo(-(i + 1));
    }
  }
}
