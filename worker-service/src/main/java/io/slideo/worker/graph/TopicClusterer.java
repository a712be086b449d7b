package io.slideo.worker.graph;

import java.util.Random;

import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;

/**
 * Leiden clustering (the CWTS reference implementation) optimising modularity, so results compare
 * with Louvain's. Edges are undirected and given once each.
 */
public final class TopicClusterer {
    // Leiden refines quickly: two passes reach the modularity of a run to convergence within a
    // fraction of a percent on our graphs (bench/README.md), at a fraction of the time.
    private static final int ITERATIONS = 2;
    private static final double RANDOMNESS = 0.01;

    private TopicClusterer() {
    }

    /** A cluster number per node, clusters numbered from 0 by decreasing size. */
    public static int[] cluster(int nodes, int[] from, int[] to, double[] weights, double resolution, long seed) {
        if (nodes == 0) {
            return new int[0];
        }
        Network network = network(nodes, from, to, weights);
        double modularityResolution = resolution
                / (2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks());
        LeidenAlgorithm leiden = new LeidenAlgorithm(modularityResolution, ITERATIONS, RANDOMNESS, new Random(seed));
        Clustering clustering = new Clustering(nodes);
        leiden.improveClustering(network, clustering);
        clustering.orderClustersByNNodes();
        return clustering.getClusters();
    }

    /**
     * The network in compressed form (each node's neighbours in one run), built by counting in linear
     * time; the library's edge-list constructor sorts all edges first, which costs more than
     * clustering. Node weights are the nodes' total edge weights, which turns CPM into modularity.
     */
    static Network network(int nodes, int[] from, int[] to, double[] weights) {
        long[] first = new long[nodes + 1];
        for (int e = 0; e < from.length; e++) {
            first[from[e] + 1]++;
            first[to[e] + 1]++;
        }
        for (int i = 0; i < nodes; i++) {
            first[i + 1] += first[i];
        }
        int[] neighbors = new int[2 * from.length];
        double[] edgeWeights = new double[2 * from.length];
        double[] nodeWeights = new double[nodes];
        long[] next = first.clone();
        for (int e = 0; e < from.length; e++) {
            int a = from[e];
            int b = to[e];
            int at = (int) next[a]++;
            neighbors[at] = b;
            edgeWeights[at] = weights[e];
            at = (int) next[b]++;
            neighbors[at] = a;
            edgeWeights[at] = weights[e];
            nodeWeights[a] += weights[e];
            nodeWeights[b] += weights[e];
        }
        return new Network(nodeWeights, first, new LargeIntArray(neighbors), new LargeDoubleArray(edgeWeights), false);
    }

    /** Newman's modularity of a clustering, to compare clusterings of one graph. */
    public static double modularity(int nodes, int[] from, int[] to, double[] weights, int[] clusters) {
        double total = 0;
        double inside = 0;
        int count = 0;
        for (int c : clusters) {
            count = Math.max(count, c + 1);
        }
        double[] degree = new double[count];
        for (int e = 0; e < from.length; e++) {
            total += weights[e];
            degree[clusters[from[e]]] += weights[e];
            degree[clusters[to[e]]] += weights[e];
            if (clusters[from[e]] == clusters[to[e]]) {
                inside += weights[e];
            }
        }
        double expected = 0;
        for (double d : degree) {
            expected += (d / (2 * total)) * (d / (2 * total));
        }
        return inside / total - expected;
    }
}
