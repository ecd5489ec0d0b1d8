package org.p2penergy.analytics.job;

/**
 * Sorts two parallel arrays by the first (a device-day's keys and values), in place: an iterative
 * quicksort with a median-of-three pivot and insertion sort for short runs. Only used when a
 * device-day's readings did not arrive in order (files are written in time order).
 */
final class KeySort {
  private static final int SHORT = 16;

  private KeySort() {}

  static void sort(long[] keys, double[] values, int size) {
    int[] stack = new int[128];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = size - 1;
    while (top > 0) {
      int hi = stack[--top];
      int lo = stack[--top];
      while (hi - lo > SHORT) {
        int mid = (lo + hi) >>> 1;
        if (keys[mid] < keys[lo]) swap(keys, values, mid, lo);
        if (keys[hi] < keys[lo]) swap(keys, values, hi, lo);
        if (keys[hi] < keys[mid]) swap(keys, values, hi, mid);
        long pivot = keys[mid];
        int i = lo;
        int j = hi;
        while (i <= j) {
          while (keys[i] < pivot) i++;
          while (keys[j] > pivot) j--;
          if (i <= j) swap(keys, values, i++, j--);
        }
        // Push the larger side, go on with the smaller: the stack stays O(log n).
        if (j - lo < hi - i) {
          stack[top++] = i;
          stack[top++] = hi;
          hi = j;
        } else {
          stack[top++] = lo;
          stack[top++] = j;
          lo = i;
        }
      }
      for (int i = lo + 1; i <= hi; i++) {
        long k = keys[i];
        double v = values[i];
        int j = i - 1;
        while (j >= lo && keys[j] > k) {
          keys[j + 1] = keys[j];
          values[j + 1] = values[j];
          j--;
        }
        keys[j + 1] = k;
        values[j + 1] = v;
      }
    }
  }

  private static void swap(long[] keys, double[] values, int a, int b) {
    long k = keys[a];
    keys[a] = keys[b];
    keys[b] = k;
    double v = values[a];
    values[a] = values[b];
    values[b] = v;
  }
}
