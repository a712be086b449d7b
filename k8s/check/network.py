"""Checks on the NetworkPolicies of one rendered overlay: each selects pods that exist and opens
ports they declare, and each call one service makes to another (a URL it reads) gets through."""
import re

from manifests import module_of_image, name_of, of_kind, selects


# The namespace Prometheus runs in (k8s/README.md): the only one that may reach a management port.
MONITORING_NAMESPACE = "monitoring"


def problems(overlay):
    yield from check_network_policies(overlay)
    yield from check_calls(overlay)
    yield from check_management_ports(overlay)


def check_network_policies(overlay):
    for policy in of_kind(overlay.objects, "NetworkPolicy"):
        where = name_of(policy)
        selector = policy["spec"].get("podSelector", {}).get("matchLabels", {})
        targets = overlay.selected(selector) if selector else overlay.deployments
        if not targets:
            yield f"{where}: podSelector {selector} matches the pods of no Deployment"
        for rule in policy["spec"].get("ingress", []):
            for peer in rule.get("from", []):
                peer_labels = peer.get("podSelector", {}).get("matchLabels")
                if peer_labels and "namespaceSelector" not in peer and not overlay.selected(peer_labels):
                    yield f"{where}: ingress from podSelector {peer_labels} matches no Deployment's pods"
            for port in rule.get("ports", []):
                for deployment in targets:
                    if str(port["port"]) not in overlay.ports(deployment):
                        yield f"{where}: ingress port {port['port']} is not a port {name_of(deployment)} declares"


def check_calls(overlay):
    """Each http://<name>:<port> a service reads from its environment is a call: <name> must be a
    Service with that port, and the NetworkPolicies must let the caller's pods out and in. A URL
    with a dotted host (a JWKS URL, a model server) leaves the cluster: egress must allow it."""
    services = {o["metadata"]["name"]: o for o in of_kind(overlay.objects, "Service")}
    for caller in overlay.deployments:
        for container in overlay.containers(caller):
            service = overlay.services.get(module_of_image(container["image"]))
            if service is None:
                continue
            reads = service.environment_names(overlay.image_reads)
            for variable, value in sorted(overlay.environment(container).items()):
                if variable not in reads or not service.acts_on(variable):
                    continue
                at = f"{name_of(caller)} {variable}={value}"
                target = re.match(r"https?://([a-z0-9-]+):(\d+)", value or "")
                outside = re.match(r"(https?)://([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::(\d+))?", value or "", re.I)
                if target:
                    yield from check_call(overlay, at, caller, services.get(target.group(1)), target.group(1),
                                          int(target.group(2)))
                elif outside:
                    port = int(outside.group(3) or (443 if outside.group(1).lower() == "https" else 80))
                    yield from check_egress(overlay, at, caller, None, port)


def check_call(overlay, at, caller, service, host, port):
    ports = service["spec"].get("ports", []) if service else []
    service_port = next((p for p in ports if p["port"] == port), None)
    if service_port is None:
        yield f"{at}: no Service {host} with port {port} in this overlay"
        return
    for callee in overlay.selected(service["spec"].get("selector", {})):
        container_port = overlay.ports(callee).get(str(service_port.get("targetPort", port)))
        yield from check_egress(overlay, at, caller, callee, container_port)
        if not admits(overlay, callee, overlay.pod_labels(caller), container_port):
            yield f"{at}: the NetworkPolicies of {name_of(callee)} do not let {name_of(caller)} in on {container_port}"


def admits(overlay, callee, caller_labels, container_port):
    """Kubernetes' rule: with no Ingress policy selecting the pod, everything gets in; otherwise a
    connection needs one rule whose peers include the caller's pods and whose ports include the port."""
    policies = [p for p in of_kind(overlay.objects, "NetworkPolicy")
                if "Ingress" in p["spec"].get("policyTypes", ["Ingress"])
                and all(overlay.pod_labels(callee).get(k) == v
                        for k, v in p["spec"].get("podSelector", {}).get("matchLabels", {}).items())]
    for policy in policies:
        for rule in policy["spec"].get("ingress", []):
            peers = rule.get("from")
            ports = [overlay.ports(callee).get(str(p["port"])) for p in rule.get("ports", [])]
            caller_in = not peers or any(admits_pod(peer, caller_labels) for peer in peers)
            if caller_in and (not ports or container_port in ports):
                return True
    return not policies


def admits_pod(peer, labels):
    """A peer of this namespace's pods (a namespaceSelector means other namespaces); {} is every pod."""
    if "podSelector" not in peer or "namespaceSelector" in peer:
        return False
    wanted = peer["podSelector"].get("matchLabels", {})
    return not wanted or selects(wanted, labels)


def check_egress(overlay, at, caller, callee, port):
    """Kubernetes' rule again, outwards: with no Egress policy selecting the caller, everything gets
    out; otherwise one rule must admit the destination (a pod of callee, or for a host outside the
    cluster an ipBlock, whose address is not resolved here) on the port, and one must admit DNS."""
    policies = [p for p in of_kind(overlay.objects, "NetworkPolicy")
                if "Egress" in p["spec"].get("policyTypes", ["Egress"] if "egress" in p["spec"] else [])
                and selects_all(p["spec"].get("podSelector", {}).get("matchLabels", {}), overlay.pod_labels(caller))]
    if not policies:
        return
    rules = [rule for policy in policies for rule in policy["spec"].get("egress", [])]
    labels = overlay.pod_labels(callee) if callee else None
    names = {port, *(name for name, number in overlay.ports(callee).items() if number == port)} if callee else {port}
    destination = f"{name_of(callee)} on {port}" if callee else f"outside the cluster on {port}"
    if not any(rule_admits(rule, labels, names) for rule in rules):
        yield f"{at}: the egress NetworkPolicies of {name_of(caller)} do not let it reach {destination}"
    if not any(rule_admits(rule, "any", {53}) for rule in rules):
        yield f"{at}: the egress NetworkPolicies of {name_of(caller)} do not let it look the host up (DNS, port 53)"


def selects_all(wanted, labels):
    return all(labels.get(k) == v for k, v in wanted.items())


def rule_admits(rule, labels, port_names):
    """labels: the destination pod's, None for an address outside the cluster, "any" for wherever DNS
    is; port_names: the destination port's number and the names the pod gives it."""
    ports = {str(p.get("port")) for p in rule.get("ports", [])}
    if ports and not ports & set(map(str, port_names)):
        return False
    peers = rule.get("to")
    if not peers or labels == "any":
        return True
    if labels is None:
        return any("ipBlock" in peer for peer in peers)
    return any(admits_pod(peer, labels) for peer in peers)


def check_management_ports(overlay):
    """Health and metrics on a management port are for the monitoring namespace (the kubelet probes from
    the node, which policies do not filter): no ingress rule may open that port to every peer, and where
    Ingress policies select a scraped pod, one rule must let the monitoring namespace in on its metrics port."""
    for deployment in overlay.deployments:
        management = overlay.management_ports(deployment)
        policies = ingress_policies(overlay, deployment)
        for policy in policies:
            for rule in policy["spec"].get("ingress", []):
                opened = {overlay.ports(deployment).get(str(p["port"])) for p in rule.get("ports", [])}
                exposed = sorted(management if not rule.get("ports") else management & opened)
                if exposed and open_to_everyone(rule):
                    yield (f"{name_of(policy)}: lets every peer reach {name_of(deployment)}'s management port "
                           f"{exposed[0]} (health and metrics)")
        for port in sorted(management):
            if policies and not any(admits_monitoring(rule, overlay.ports(deployment), port)
                                    for policy in policies for rule in policy["spec"].get("ingress", [])):
                yield (f"{name_of(deployment)}: no NetworkPolicy lets the {MONITORING_NAMESPACE} namespace scrape "
                       f"its management port {port}")


def ingress_policies(overlay, deployment):
    return [p for p in of_kind(overlay.objects, "NetworkPolicy")
            if "Ingress" in p["spec"].get("policyTypes", ["Ingress"])
            and selects_all(p["spec"].get("podSelector", {}).get("matchLabels", {}), overlay.pod_labels(deployment))]


def open_to_everyone(rule):
    """No from, a peer that is every pod of every namespace, or an ipBlock of every address."""
    def everyone(peer):
        if "ipBlock" in peer:
            return peer["ipBlock"].get("cidr") in ("0.0.0.0/0", "::/0")
        return peer.get("namespaceSelector") == {} and not peer.get("podSelector", {}).get("matchLabels")
    peers = rule.get("from")
    return not peers or any(everyone(peer) for peer in peers)


def admits_monitoring(rule, ports, port):
    opened = {ports.get(str(p["port"])) for p in rule.get("ports", [])}
    if rule.get("ports") and port not in opened:
        return False
    wanted = {"kubernetes.io/metadata.name": MONITORING_NAMESPACE}
    return open_to_everyone(rule) or any(
        selects_all(peer.get("namespaceSelector", {}).get("matchLabels", {}), wanted) and "namespaceSelector" in peer
        for peer in rule.get("from", []))
