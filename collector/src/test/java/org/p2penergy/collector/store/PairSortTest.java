package org.p2penergy.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PairSortTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 17, 1000, 50_000})
  void sortsByKeyThenValueLikeAComparatorSort(int n) {
    Random rnd = new Random(n);
    long[] keys = new long[n];
    int[] values = new int[n];
    long[][] expected = new long[n][];
    for (int i = 0; i < n; i++) {
      keys[i] = rnd.nextInt(Math.max(1, n / 4)); // many equal keys
      values[i] = rnd.nextInt();
      expected[i] = new long[] {keys[i], values[i]};
    }
    Arrays.sort(expected, Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));

    PairSort.sort(keys, values);

    for (int i = 0; i < n; i++) {
      assertThat(new long[] {keys[i], values[i]}).as("row %d", i).isEqualTo(expected[i]);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {100_000})
  void nearlySortedAndReversedInputsSortToo(int n) {
    long[] keys = new long[n];
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = n - i; // reversed: the quicksort's bad case without the median of three
      values[i] = i;
    }
    PairSort.sort(keys, values);
    for (int i = 0; i < n; i++) {
      assertThat(keys[i]).isEqualTo(i + 1);
      assertThat(values[i]).isEqualTo(n - 1 - i);
    }
  }
}
