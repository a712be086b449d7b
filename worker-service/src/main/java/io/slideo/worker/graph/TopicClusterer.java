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
    private static final int ITERATIONS = 10;
    private static final double RANDOMNESS = 0.01;

    private TopicClusterer() {
    }

    /** A cluster number per node, clusters numbered from 0 by decreasing size. */
    public static int[] cluster(int nodes, int[] from, int[] to, double[] weights, double resolution, long seed) {
        if (nodes == 0) {
            return new int[0];
        }
        LargeIntArray[] edges = { new LargeIntArray(from), new LargeIntArray(to) };
        // Node weights equal to degrees turn the CPM quality function into modularity.
        Network network = new Network(nodes, true, edges, new LargeDoubleArray(weights), false, false);
        double modularityResolution = resolution
                / (2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks());
        LeidenAlgorithm leiden = new LeidenAlgorithm(modularityResolution, ITERATIONS, RANDOMNESS, new Random(seed));
        Clustering clustering = new Clustering(nodes);
        leiden.improveClustering(network, clustering);
        clustering.orderClustersByNNodes();
        return clustering.getClusters();
    }
}
