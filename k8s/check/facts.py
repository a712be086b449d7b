"""What the services themselves declare, read from the repository (never from the manifests).

The manifests are checked against these facts: the ports and health paths a service serves, the
environment variables it reads, the directories it writes, the Kafka topics it consumes and the
metrics it exports. Each fact comes from the same files the service is built from, so a change in
a service that the manifests did not follow shows up here.
"""
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

POM = {"m": "http://maven.apache.org/POM/4.0.0"}
SLIDEO_GROUP = "io.slideo"


# ------------------------------------------------------------------ properties files

def read_properties(path):
    """A Java .properties file as {key: value}: comments skipped, backslash continuations joined."""
    entries, pending = {}, ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = pending + raw.strip() if pending else raw.strip()
        if line.endswith("\\"):
            pending = line[:-1]
            continue
        pending = ""
        if not line or line[0] in "#!":
            continue
        match = re.match(r"([^=:\s]+)\s*[=:]?\s*(.*)", line)
        if match:
            entries[match.group(1)] = match.group(2)
    return entries


def env_name(property_name):
    """SmallRye Config's environment name of a property: every non-alphanumeric becomes _, upper case."""
    return re.sub(r"[^A-Za-z0-9]", "_", property_name).upper()


def kebab(method_name):
    return re.sub(r"([a-z0-9])([A-Z])", r"\1-\2", method_name).lower()


# ------------------------------------------------------------------ Java sources

def config_mapping_properties(source):
    """Property names an @ConfigMapping interface reads: prefix + kebab-case method names, nested
    interfaces (a method returning one, optionally in Optional<>) adding their own segment."""
    prefix = re.search(r'@ConfigMapping\(\s*prefix\s*=\s*"([^"]+)"', source)
    if not prefix:
        return set()
    interfaces, stack, depth, pending_name = {}, [], 0, None
    for line in source.splitlines():
        declared = re.search(r"\binterface\s+(\w+)", line)
        if declared:
            stack.append((declared.group(1), depth))
            interfaces[declared.group(1)] = []
        renamed = re.search(r'@WithName\(\s*"([^"]+)"', line)
        if renamed:
            pending_name = renamed.group(1)
        method = re.match(r"\s*([\w<>\[\]?., ]+?)\s+(\w+)\(\s*\)\s*;", line)
        if method and stack and not line.strip().startswith(("return", "default", "static")):
            segment = pending_name or kebab(method.group(2))
            returned = re.sub(r"^Optional<(.*)>$", r"\1", method.group(1).strip())
            interfaces[stack[-1][0]].append((segment, returned))
            pending_name = None
        depth += line.count("{") - line.count("}")
        while stack and depth <= stack[-1][1] and "}" in line:
            stack.pop()
    root = re.search(r"@ConfigMapping[^\n]*\n(?:\s*@[^\n]*\n)*\s*public\s+interface\s+(\w+)", source)

    def expand(interface, path, seen):
        names = set()
        for segment, returned in interfaces.get(interface, []):
            if returned in interfaces and returned not in seen:
                names |= expand(returned, f"{path}.{segment}", seen | {returned})
            else:
                names.add(f"{path}.{segment}")
        return names

    return expand(root.group(1), prefix.group(1), {root.group(1)}) if root else set()


# Micrometer meter types and the Prometheus series each one exposes (name after dots become _).
METER_SERIES = {
    "Counter": ["_total"],
    "FunctionCounter": ["_total"],
    "Gauge": [""],
    "TimeGauge": ["_seconds"],
    "Timer": ["_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket"],
    "LongTaskTimer": ["_seconds_active_count", "_seconds_duration_sum", "_seconds_max"],
    "DistributionSummary": ["_count", "_sum", "_max", "_bucket"],
}
REGISTRY_SHORTCUTS = {"counter": "Counter", "gauge": "Gauge", "timer": "Timer", "summary": "DistributionSummary"}
ANY_METER = sorted({suffix for suffixes in METER_SERIES.values() for suffix in suffixes})


def exported_series(sources):
    """Prometheus series names of the slideo.* meters the Java code registers. A name whose meter
    type shows on its own line (Counter.builder("…"), registry.counter("…")) gets that type's
    suffixes; any other slideo.* string in a file that uses Micrometer (LiveMetrics hands its names
    to a helper) may carry any meter suffix."""
    series = set()
    for source in sources:
        uses_micrometer = "import io.micrometer" in source
        for line in source.splitlines():
            for literal in re.finditer(r'"(slideo(?:\.[a-z0-9_]+)+)"', line):
                name = literal.group(1)
                typed = re.search(r"\b(\w+)\.builder\(\s*\"" + re.escape(name), line)
                shortcut = re.search(r"\.(counter|gauge|timer|summary)\(\s*\"" + re.escape(name), line)
                meter = typed.group(1) if typed and typed.group(1) in METER_SERIES else (
                    REGISTRY_SHORTCUTS[shortcut.group(1)] if shortcut else None)
                if meter is None and not uses_micrometer:
                    continue
                base = name.replace(".", "_")
                series |= {base + suffix for suffix in (METER_SERIES[meter] if meter else ANY_METER)}
    return series


# ------------------------------------------------------------------ Maven modules


@dataclass
class Module:
    """One Maven module and the slideo modules it runs with (compile/runtime scope, transitively)."""
    name: str
    path: Path
    closure: list = field(default_factory=list)   # this module first, then its slideo dependencies
    artifacts: set = field(default_factory=set)   # every non-test artifactId of the closure

    def java_sources(self):
        for module in self.closure:
            yield from sorted((module / "src/main/java").rglob("*.java"))


def managed_scopes(root):
    scopes = {}
    parent = ET.parse(root / "pom.xml").getroot()
    for dep in parent.findall("m:dependencyManagement/m:dependencies/m:dependency", POM):
        scopes[dep.findtext("m:artifactId", "", POM)] = dep.findtext("m:scope", "compile", POM)
    return scopes


def runtime_dependencies(module_dir, scopes):
    project = ET.parse(module_dir / "pom.xml").getroot()
    for dep in project.findall("m:dependencies/m:dependency", POM):
        artifact = dep.findtext("m:artifactId", "", POM)
        scope = dep.findtext("m:scope", None, POM) or scopes.get(artifact, "compile")
        if scope not in ("test", "provided"):
            yield dep.findtext("m:groupId", "", POM), artifact


def load_module(root, name, scopes):
    module = Module(name, root / name)
    queue = [module.path]
    while queue:
        current = queue.pop(0)
        if current in module.closure:
            continue
        module.closure.append(current)
        for group, artifact in runtime_dependencies(current, scopes):
            module.artifacts.add(artifact)
            if group == SLIDEO_GROUP and (root / artifact / "pom.xml").exists():
                queue.append(root / artifact)
    return module
