package io.slideo.worker.graph;

import java.util.Arrays;

/**
 * Weights of vertex pairs in an open-addressing table of primitive longs and doubles: a long
 * document adds millions of co-occurrences, which boxed keys in a HashMap make slow.
 */
final class PairWeights {
    private static final long EMPTY = -1;

    private long[] keys = new long[1 << 16];
    private double[] weights = new double[1 << 16];
    private int size;

    PairWeights() {
        Arrays.fill(keys, EMPTY);
    }

    void add(int a, int b, double weight) {
        if (a == b) {
            return;
        }
        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        int slot = slot(key, keys.length);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & (keys.length - 1);
        }
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            if (++size * 2 > keys.length) {
                grow();
                add(a, b, weight);
                return;
            }
        }
        weights[slot] += weight;
    }

    int size() {
        return size;
    }

    interface PairVisitor {
        void visit(int a, int b, double weight);
    }

    /** Every pair whose weight is at least {@code minimum}. */
    void forEach(double minimum, PairVisitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && weights[i] >= minimum) {
                visitor.visit((int) (keys[i] >>> 32), (int) keys[i], weights[i]);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldWeights = weights;
        keys = new long[oldKeys.length * 2];
        weights = new double[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i], keys.length);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & (keys.length - 1);
                }
                keys[slot] = oldKeys[i];
                weights[slot] = oldWeights[i];
            }
        }
    }

    private static int slot(long key, int capacity) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & (capacity - 1);
    }
}
