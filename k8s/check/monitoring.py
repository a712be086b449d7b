"""Checks on k8s/monitoring: the alert rules are valid Prometheus rules and pass their own unit
tests (promtool), and every metric the rules and the dashboard name is one something exports:
slideo_* names must be registered by the Java code, other names by an extension a service has."""
import json
import re
import shutil
import subprocess
from pathlib import Path

from manifests import module_of_image, name_of, of_kind

# Metric families that Slideo's code does not register itself, and the artifact that exports them.
# A service must depend on the artifact for the family to exist at all.
FAMILIES = {
    "http_server_requests_seconds_": ("quarkus-micrometer-registry-prometheus", "Quarkus's HTTP server binder"),
    "kafka_consumer_": ("quarkus-messaging-kafka", "Micrometer's Kafka client binder"),
    "kafka_producer_": ("quarkus-messaging-kafka", "Micrometer's Kafka client binder"),
    "ft_": ("quarkus-smallrye-fault-tolerance", "SmallRye Fault Tolerance's metrics"),
    "jvm_": ("quarkus-micrometer-registry-prometheus", "Micrometer's JVM binders"),
    "process_": ("quarkus-micrometer-registry-prometheus", "Micrometer's process binders"),
}
PROMETHEUS_OWN = {"up", "scrape_duration_seconds"}
KEYWORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "offset", "inf", "nan", "atan2"}


def metric_names(expr):
    """The metric names a PromQL expression selects: what is left once strings, label matchers,
    ranges, by/without/on clauses, functions (followed by "("), keywords and numbers are gone."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    names = set()
    for token in re.finditer(r"(?<![\w:.])[A-Za-z_:][\w:]*", text):
        rest = text[token.end():].lstrip()
        if not rest.startswith("(") and token.group(0).lower() not in KEYWORDS:
            names.add(token.group(0))
    return names


def unknown_metrics(where, expr, exported, services):
    for name in sorted(metric_names(expr)):
        if name in PROMETHEUS_OWN:
            continue
        if name.startswith("slideo_"):
            if name not in exported:
                yield f"{where}: {name} is exported by no meter in the Java sources (Counter.builder(\"slideo....\") and the like)"
            continue
        family = next((p for p in FAMILIES if name.startswith(p)), None)
        if family is None:
            yield f"{where}: {name} is neither a slideo_* meter nor a family this checker knows an exporter for"
        elif not any(s.has(FAMILIES[family][0]) for s in services):
            yield f"{where}: {name} comes from {FAMILIES[family][1]}, but no service depends on {FAMILIES[family][0]}"


def check_rules(rendered, exported, services, workdir: Path, tests: Path):
    rules = of_kind(rendered, "PrometheusRule")
    if not rules:
        yield "k8s/monitoring: no PrometheusRule rendered"
    for rule in rules:
        plain = workdir / "alerts.rules.json"  # JSON is YAML: promtool reads it as a rules file
        plain.write_text(json.dumps({"groups": rule["spec"]["groups"]}, indent=1))
        yield from promtool(["check", "rules", str(plain)], name_of(rule))
        if tests.exists():
            shutil.copy(tests, workdir / tests.name)
            yield from promtool(["test", "rules", str(workdir / tests.name)], f"{name_of(rule)} ({tests.name})")
        for group in rule["spec"]["groups"]:
            for entry in group["rules"]:
                label = entry.get("alert") or entry.get("record")
                yield from unknown_metrics(f"{name_of(rule)} {label}", entry["expr"], exported, services)


def promtool(arguments, where):
    result = subprocess.run(["promtool", *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        yield f"{where}: promtool {arguments[0]} {arguments[1]} failed:\n{result.stdout}{result.stderr}".rstrip()


def check_dashboards(rendered, exported, services):
    dashboards = [o for o in of_kind(rendered, "ConfigMap")
                  if o["metadata"].get("labels", {}).get("grafana_dashboard") == "1"]
    if not dashboards:
        yield "k8s/monitoring: no ConfigMap labelled grafana_dashboard=1 rendered"
    for config_map in dashboards:
        for file, text in config_map.get("data", {}).items():
            where = f"{name_of(config_map)} {file}"
            try:
                dashboard = json.loads(text)
            except json.JSONDecodeError as error:
                yield f"{where}: not JSON: {error}"
                continue
            for title, expr in panel_queries(dashboard):
                yield from unknown_metrics(f"{where} panel {title!r}", expr, exported, services)


def panel_queries(dashboard):
    for panel in dashboard.get("panels", []):
        for inner in [panel, *panel.get("panels", [])]:
            for target in inner.get("targets", []):
                if "expr" in target:
                    yield inner.get("title", "?"), target["expr"]


def check_pod_monitors(rendered, overlay, namespace):
    """The PodMonitor must find the overlay's pods, a port they declare, and the path they serve."""
    for monitor in of_kind(rendered, "PodMonitor"):
        where = name_of(monitor)
        if namespace not in monitor["spec"].get("namespaceSelector", {}).get("matchNames", [namespace]):
            yield f"{where}: namespaceSelector leaves out namespace {namespace}"
        targets = overlay.selected(monitor["spec"]["selector"].get("matchLabels", {}))
        if not targets:
            yield f"{where}: selector matches the pods of no Deployment in {namespace}"
        for endpoint in monitor["spec"].get("podMetricsEndpoints", []):
            for deployment in targets:
                port = overlay.ports(deployment).get(str(endpoint.get("port")))
                services = [overlay.services.get(module_of_image(c["image"]))
                            for c in overlay.containers(deployment)]
                metrics = [s.metrics() for s in services if s and s.metrics()]
                if port is None:
                    yield f"{where}: port {endpoint.get('port')!r} is not a port {name_of(deployment)} declares"
                elif metrics and (port, endpoint.get("path", "/metrics")) != (metrics[0].port, metrics[0].path):
                    yield (f"{where}: scrapes {endpoint.get('path', '/metrics')} on {port} of {name_of(deployment)}, "
                           f"which serves metrics at {metrics[0].path} on {metrics[0].port}")
