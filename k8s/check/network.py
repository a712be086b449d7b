"""Checks on the NetworkPolicies of one rendered overlay: each selects pods that exist and opens
ports they declare, and each call one service makes to another (a URL it reads) gets through."""
import re

from manifests import module_of_image, name_of, of_kind, selects


def problems(overlay):
    yield from check_network_policies(overlay)
    yield from check_calls(overlay)


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
    Service with that port, and the NetworkPolicies must let the caller's pods in."""
    services = {o["metadata"]["name"]: o for o in of_kind(overlay.objects, "Service")}
    for caller in overlay.deployments:
        for container in overlay.containers(caller):
            service = overlay.services.get(module_of_image(container["image"]))
            if service is None:
                continue
            reads = service.environment_names(overlay.image_reads)
            for variable, value in sorted(overlay.environment(container).items()):
                target = re.match(r"https?://([a-z0-9-]+):(\d+)", value or "")
                if variable in reads and target:  # api.tavily.com and the like do not match: outside the cluster
                    yield from check_call(overlay, f"{name_of(caller)} {variable}={value}", caller,
                                          services.get(target.group(1)), target.group(1), int(target.group(2)))


def check_call(overlay, at, caller, service, host, port):
    ports = service["spec"].get("ports", []) if service else []
    service_port = next((p for p in ports if p["port"] == port), None)
    if service_port is None:
        yield f"{at}: no Service {host} with port {port} in this overlay"
        return
    for callee in overlay.selected(service["spec"].get("selector", {})):
        container_port = overlay.ports(callee).get(str(service_port.get("targetPort", port)))
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
