package org.p2penergy.collector.store;

/**
 * Sorts two parallel primitive arrays by (key, value) without boxing: 12 bytes a row, so rolling a
 * million-row segment fits a 32 MB heap. Input from the collector is nearly sorted already.
 */
final class PairSort {
  private PairSort() {}

  static void sort(long[] keys, int[] values) {
    if (isSorted(keys, values)) return;
    quicksort(keys, values, 0, keys.length - 1);
  }

  private static boolean isSorted(long[] k, int[] v) {
    for (int i = 1; i < k.length; i++) if (less(k, v, i, i - 1)) return false;
    return true;
  }

  private static boolean less(long[] k, int[] v, int i, int j) {
    return k[i] < k[j] || (k[i] == k[j] && v[i] < v[j]);
  }

  private static void quicksort(long[] k, int[] v, int lo, int hi) {
    while (hi - lo > 16) {
      int mid = (lo + hi) >>> 1;
      // Median of three into hi, then Lomuto partition around it.
      if (less(k, v, mid, lo)) swap(k, v, mid, lo);
      if (less(k, v, hi, lo)) swap(k, v, hi, lo);
      if (less(k, v, mid, hi)) swap(k, v, mid, hi);
      int store = lo;
      for (int i = lo; i < hi; i++) {
        if (less(k, v, i, hi)) swap(k, v, i, store++);
      }
      swap(k, v, store, hi);
      // Recurse into the smaller side, loop on the larger: stack depth stays logarithmic.
      if (store - lo < hi - store) {
        quicksort(k, v, lo, store - 1);
        lo = store + 1;
      } else {
        quicksort(k, v, store + 1, hi);
        hi = store - 1;
      }
    }
    for (int i = lo + 1; i <= hi; i++) {
      for (int j = i; j > lo && less(k, v, j, j - 1); j--) swap(k, v, j, j - 1);
    }
  }

  private static void swap(long[] k, int[] v, int i, int j) {
    long tk = k[i];
    k[i] = k[j];
    k[j] = tk;
    int tv = v[i];
    v[i] = v[j];
    v[j] = tv;
  }
}
