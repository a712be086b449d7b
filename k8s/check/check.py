"""Checks the Kubernetes manifests and the monitoring files against the services they deploy.

    /usr/bin/python3 k8s/check/check.py            check k8s/ of this repository
    /usr/bin/python3 k8s/check/check.py --self-test break copies of k8s/ and expect each break caught

k8s/check.sh installs kubectl and promtool first when they are missing and then runs this.
Standard library only: kubectl renders the overlays and turns them into JSON, promtool checks rules.
"""
import functools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import blobs
from facts import exported_series
import network
import tokens
from manifests import Overlay
from monitoring import check_dashboards, check_pod_monitors, check_rules
from service import Service, image_entrypoint_variables

REPO = Path(__file__).resolve().parents[2]
OVERLAYS = ["overlays/dev", "overlays/prod"]
MONITORING = "monitoring"


@functools.lru_cache(maxsize=None)  # the self-test checks the same unbroken directory many times
def render(directory: Path):
    """kubectl kustomize, then a no-op local patch to get JSON (no cluster is contacted)."""
    built = subprocess.run(["kubectl", "kustomize", str(directory)], capture_output=True, text=True)
    if built.returncode != 0:
        raise RenderError(f"{directory}: kubectl kustomize failed:\n{built.stderr.strip()}")
    as_json = subprocess.run(["kubectl", "patch", "--local", "-f", "-", "--type", "merge", "-p", "{}", "-o", "json"],
                             input=built.stdout, capture_output=True, text=True)
    if as_json.returncode != 0:
        raise RenderError(f"{directory}: kubectl could not read the rendered objects:\n{as_json.stderr.strip()}")
    decoder, text, objects, at = json.JSONDecoder(), as_json.stdout, [], 0
    while at < len(text):
        while at < len(text) and text[at].isspace():
            at += 1
        if at < len(text):
            obj, at = decoder.raw_decode(text, at)
            objects.extend(obj["items"] if obj.get("kind") == "List" else [obj])
    return objects


class RenderError(Exception):
    pass


class Repository:
    """The services as the repository builds them; read once, shared by every check and self-test case."""

    def __init__(self, root: Path):
        self.services = {}
        for pom in sorted(root.glob("*-service/pom.xml")):
            self.services[pom.parent.name] = Service(root, pom.parent.name)
        self.image_reads = image_entrypoint_variables(root / "deploy/Dockerfile.jvm")
        self.exported = exported_series(
            path.read_text(encoding="utf-8") for path in sorted(root.glob("*/src/main/java/**/*.java")))


def problems(k8s: Path, repository: Repository):
    """Every problem in one k8s/ directory, each prefixed with the kustomization it was found in."""
    try:
        monitoring = render(k8s / MONITORING)
    except RenderError as error:
        yield str(error)
        monitoring = []
    for overlay_dir in OVERLAYS:
        try:
            objects = render(k8s / overlay_dir)
        except RenderError as error:
            yield str(error)
            continue
        overlay = Overlay(objects, repository.services, repository.image_reads)
        namespace = next((o["metadata"]["name"] for o in objects if o["kind"] == "Namespace"), "default")
        for problem in [*overlay.problems(), *network.problems(overlay), *blobs.problems(overlay),
                        *tokens.problems(overlay),
                        *check_pod_monitors(monitoring, overlay, namespace)]:
            yield f"[{overlay_dir}] {problem}"
    services = list(repository.services.values())
    with tempfile.TemporaryDirectory() as workdir:
        for problem in [*check_rules(monitoring, repository.exported, services, Path(workdir),
                                     k8s / MONITORING / "alerts.test.yaml"),
                        *check_dashboards(monitoring, repository.exported, services)]:
            yield f"[{MONITORING}] {problem}"


def main(arguments):
    repository = Repository(REPO)
    if "--self-test" in arguments:
        from selftest import run_self_test
        return run_self_test(REPO / "k8s", repository, problems)
    found = list(problems(REPO / "k8s", repository))
    for problem in found:
        print(f"FAIL {problem}")
    if found:
        print(f"k8s check: {len(found)} problem(s) in k8s/ (see above)")
        return 1
    print(f"k8s check: {', '.join(OVERLAYS)} and {MONITORING} agree with the services "
          f"({len(repository.services)} services, {len(repository.exported)} slideo_* series known)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
