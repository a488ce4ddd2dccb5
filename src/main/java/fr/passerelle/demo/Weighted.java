package fr.passerelle.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Picks items at random in proportion to their weights (cumulative weights, binary search). */
final class Weighted<T> {
  private final List<T> items;
  private final double[] cumulative;

  Weighted(List<T> items, ToDoubleFunction<T> weight) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("nothing to pick from");
    }
    this.items = List.copyOf(items);
    this.cumulative = new double[items.size()];
    double sum = 0;
    for (int i = 0; i < items.size(); i++) {
      sum += Math.max(0, weight.applyAsDouble(items.get(i)));
      cumulative[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("all weights are zero");
    }
  }

  /** Weights decreasing with the rank in the list (Zipf-like): for lists sorted by frequency. */
  static <T> Weighted<T> byRank(List<T> items, double flattening) {
    List<Integer> ranks = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ranks.add(i);
    }
    Weighted<Integer> byIndex = new Weighted<>(ranks, r -> 1.0 / (r + flattening));
    return new Weighted<>(items, byIndex.cumulative);
  }

  private Weighted(List<T> items, double[] cumulative) {
    this.items = List.copyOf(items);
    this.cumulative = cumulative;
  }

  T pick(SplittableRandom rnd) {
    double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return items.get(lo);
  }

  int size() {
    return items.size();
  }
}
