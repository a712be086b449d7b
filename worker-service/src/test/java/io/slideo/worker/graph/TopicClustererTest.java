package io.slideo.worker.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TopicClustererTest {

    @Test
    void twoDenseGroupsJoinedByOneEdgeBecomeTwoClusters() {
        List<int[]> edges = new ArrayList<>();
        for (int group = 0; group < 2; group++) {
            for (int a = 0; a < 6; a++) {
                for (int b = a + 1; b < 6; b++) {
                    edges.add(new int[] { group * 6 + a, group * 6 + b });
                }
            }
        }
        edges.add(new int[] { 0, 6 });
        int[] from = edges.stream().mapToInt(e -> e[0]).toArray();
        int[] to = edges.stream().mapToInt(e -> e[1]).toArray();
        double[] weights = edges.stream().mapToDouble(e -> 1.0).toArray();

        int[] clusters = TopicClusterer.cluster(12, from, to, weights, 1.0, 7);

        for (int i = 1; i < 6; i++) {
            assertEquals(clusters[0], clusters[i], "first group together");
            assertEquals(clusters[6], clusters[6 + i], "second group together");
        }
        assertNotEquals(clusters[0], clusters[6], "the groups apart");
    }

    @Test
    void anEmptyGraphHasNoClusters() {
        assertEquals(0, TopicClusterer.cluster(0, new int[0], new int[0], new double[0], 1.0, 1).length);
    }
}
