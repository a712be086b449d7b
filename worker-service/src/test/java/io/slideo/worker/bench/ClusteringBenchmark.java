package io.slideo.worker.bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import io.slideo.worker.graph.TopicClusterer;

/**
 * Graph clustering time of the worker's Leiden clustering on planted-partition graphs of the given
 * edge counts. For each size it writes the graph as an edge list (so the peer clusters the very same
 * graph), clusters it (after a warm-up run on the same graph, since the worker is a long-running
 * JVM) and prints {@code edges nodes seconds clusters modularity} tab-separated. Run by bench/run.sh.
 */
public final class ClusteringBenchmark {
    private static final int COMMUNITY = 50;

    private ClusteringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        for (int i = 1; i < args.length; i++) {
            int edges = Integer.parseInt(args[i]);
            int nodes = Math.max(COMMUNITY * 2, edges / 5);
            int[][] graph = graph(edges, 42);
            write(folder.resolve("graph-" + edges + ".edges"), graph);
            double[] weights = ones(graph[0].length);
            TopicClusterer.cluster(nodes, graph[0], graph[1], weights, 1.0, 7); // warm-up
            long started = System.nanoTime();
            int[] clusters = TopicClusterer.cluster(nodes, graph[0], graph[1], weights, 1.0, 42);
            double seconds = (System.nanoTime() - started) / 1e9;
            int count = java.util.Arrays.stream(clusters).max().orElse(-1) + 1;
            double modularity = TopicClusterer.modularity(nodes, graph[0], graph[1], weights, clusters);
            System.out.printf("%d\t%d\t%.3f\t%d\t%.4f%n", graph[0].length, nodes, seconds, count, modularity);
        }
    }

    /** About {@code edges} distinct edges over edges/5 nodes in communities of 50, 80 % of them inside. */
    static int[][] graph(int edges, long seed) {
        int nodes = Math.max(COMMUNITY * 2, edges / 5);
        Random random = new Random(seed);
        Set<Long> seen = new HashSet<>(edges * 2);
        int[] from = new int[edges];
        int[] to = new int[edges];
        int n = 0;
        while (n < edges) {
            int a = random.nextInt(nodes);
            int b;
            if (random.nextDouble() < 0.8) {
                int base = a / COMMUNITY * COMMUNITY;
                b = Math.min(nodes - 1, base + random.nextInt(COMMUNITY));
            } else {
                b = random.nextInt(nodes);
            }
            if (a == b) {
                continue;
            }
            long key = Math.min(a, b) * (long) nodes + Math.max(a, b);
            if (seen.add(key)) {
                from[n] = Math.min(a, b);
                to[n] = Math.max(a, b);
                n++;
            }
        }
        return new int[][] { from, to };
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    private static void write(Path file, int[][] graph) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int e = 0; e < graph[0].length; e++) {
                out.write(graph[0][e] + " " + graph[1][e] + "\n");
            }
        }
    }
}
