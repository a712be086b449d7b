"""The peer of ClusteringBenchmark: NetworkX Louvain on the same edge lists.

Prints: edges nodes seconds clusters modularity (tab-separated); only the clustering call is timed."""
import sys
import time

import networkx as nx

for path in sys.argv[1:]:
    graph = nx.read_edgelist(path, nodetype=int)
    started = time.perf_counter()
    communities = nx.community.louvain_communities(graph, seed=1)
    seconds = time.perf_counter() - started
    modularity = nx.community.modularity(graph, communities)
    print(f"{graph.number_of_edges()}\t{graph.number_of_nodes()}\t{seconds:.3f}\t{len(communities)}\t{modularity:.4f}",
          flush=True)
