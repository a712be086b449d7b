"""Checks on one rendered overlay: every reference between objects, and from objects to the services'
own configuration, must land on something that exists. Each check yields one message per problem,
naming the object and the broken reference."""
import re

from service import Endpoint

PROBES = {"livenessProbe": "liveness", "readinessProbe": "readiness", "startupProbe": "startup"}


def name_of(obj):
    return f"{obj['kind']}/{obj['metadata']['name']}"


def of_kind(objects, kind):
    return [o for o in objects if o.get("kind") == kind]


def module_of_image(image):
    """slideo/worker-service:dev and ghcr.io/slideo/worker-service:0.1.0 both run worker-service."""
    return image.split("@")[0].rsplit("/", 1)[-1].split(":")[0]


def is_ours(image):
    """slideo/<module> locally, <registry>/slideo/<module> when pushed; anything else is a third party's."""
    return "slideo/" in image.split("@")[0]


def selects(selector, labels):
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


class Overlay:
    """A rendered overlay and the services its Deployments run."""

    def __init__(self, objects, services, image_reads):
        self.objects = objects
        self.services = services  # {module name: Service}
        self.image_reads = image_reads  # variables the image's entrypoint expands
        self.deployments = of_kind(objects, "Deployment")
        self.config_maps = {o["metadata"]["name"]: o.get("data", {}) for o in of_kind(objects, "ConfigMap")}

    def pod_labels(self, deployment):
        return deployment["spec"]["template"]["metadata"].get("labels", {})

    def selected(self, selector):
        return [d for d in self.deployments if selects(selector, self.pod_labels(d))]

    def containers(self, deployment):
        return deployment["spec"]["template"]["spec"]["containers"]

    def ports(self, deployment):
        """{name or number as text: containerPort} of every container in the pod."""
        ports = {}
        for container in self.containers(deployment):
            for port in container.get("ports", []):
                ports[str(port["containerPort"])] = port["containerPort"]
                if "name" in port:
                    ports[port["name"]] = port["containerPort"]
        return ports

    def environment(self, container):
        """{name: value or None} the container gets, ConfigMap keys first, env over them (Kubernetes' order)."""
        values = {}
        for source in container.get("envFrom", []):
            ref = source.get("configMapRef")
            if ref:
                values.update(self.config_maps.get(ref["name"], {}))
        for var in container.get("env", []):
            values[var["name"]] = var.get("value")
        return values

    # ------------------------------------------------------------------ the checks

    def problems(self):
        for check in (self.check_deployments, self.check_services, self.check_scalers, self.check_selectors,
                      self.check_configmap_keys):
            yield from check()

    def check_deployments(self):
        for deployment in self.deployments:
            where = name_of(deployment)
            volumes = {v["name"]: v for v in deployment["spec"]["template"]["spec"].get("volumes", [])}
            yield from self.check_volumes(where, volumes)
            pod_security = deployment["spec"]["template"]["spec"].get("securityContext", {})
            for container in self.containers(deployment):
                module = module_of_image(container["image"])
                service = self.services.get(module)
                if service is None and is_ours(container["image"]):
                    yield f"{where}: image {container['image']} names no service module of this repository"
                    continue
                if service is None:  # a third party's image (the dev overlay's s3proxy): only what holds for any pod
                    at = f"{where} container {container['name']} ({container['image']})"
                    yield from self.check_security(at, pod_security, container.get("securityContext", {}))
                    yield from self.check_mounts(at, container, volumes)
                    continue
                at = f"{where} container {container['name']} ({module})"
                yield from self.check_probes(at, deployment, container, service)
                yield from self.check_scrape_annotations(where, deployment, service)
                yield from self.check_environment(at, container, service)
                yield from self.check_security(at, pod_security, container.get("securityContext", {}))
                yield from self.check_writable(at, container, volumes, service)

    def check_probes(self, at, deployment, container, service):
        served = service.health()
        ports = self.ports(deployment)
        for field, kind in PROBES.items():
            probe = container.get(field)
            if probe is None:
                yield f"{at}: no {field}"
                continue
            get = probe.get("httpGet")
            if get is None or not served:
                if get is not None:
                    yield f"{at}: {field} asks HTTP but {service.name} has no quarkus-smallrye-health"
                continue
            port = ports.get(str(get["port"]))
            if port is None:
                yield f"{at}: {field} port {get['port']!r} is not a port the container declares ({sorted(ports)})"
            elif Endpoint(port, get["path"]) != served[kind]:
                yield (f"{at}: {field} asks {get['path']} on {port}, but {service.name} serves {kind} health at "
                       f"{served[kind].path} on {served[kind].port} (from its application.properties)")
            if not service.open_without_token(get["path"]):
                yield (f"{at}: {field} path {get['path']} needs a token "
                       f"(the auth permissions of {service.name}'s {'management' if service.management_enabled() else 'HTTP'} interface)")

    def check_scrape_annotations(self, where, deployment, service):
        annotations = deployment["spec"]["template"]["metadata"].get("annotations", {})
        if annotations.get("prometheus.io/scrape") != "true":
            return
        metrics, ports = service.metrics(), self.ports(deployment)
        if metrics is None:
            yield f"{where}: prometheus.io/scrape is on but {service.name} has no Prometheus registry"
            return
        port = ports.get(annotations.get("prometheus.io/port", ""))
        if port != metrics.port:
            yield (f"{where}: prometheus.io/port {annotations.get('prometheus.io/port')!r} is not "
                   f"{service.name}'s metrics port {metrics.port}")
        if annotations.get("prometheus.io/path", "/metrics") != metrics.path:
            yield (f"{where}: prometheus.io/path {annotations.get('prometheus.io/path')!r} but "
                   f"{service.name} serves {metrics.path}")

    def check_environment(self, at, container, service):
        """Variables set on the container itself must be read by its service; a shared ConfigMap's keys
        are checked once, against all services that load it (check_configmap_keys)."""
        known = service.environment_names(self.image_reads)
        for var in container.get("env", []):
            if var["name"] not in known:
                yield (f"{at}: env {var['name']} is read by no property, @ConfigMapping, @ConfigProperty "
                       f"or getenv of {service.name}")
            ref = var.get("valueFrom", {}).get("configMapKeyRef")
            if ref and ref["key"] not in self.config_maps.get(ref["name"], {}) and not ref.get("optional"):
                yield f"{at}: env {var['name']} refers to ConfigMap {ref['name']} key {ref['key']}, which is not there"
        for source in container.get("envFrom", []):
            ref = source.get("configMapRef")
            if ref and ref["name"] not in self.config_maps and not ref.get("optional"):
                yield f"{at}: envFrom ConfigMap {ref['name']} does not exist in this overlay"

    def check_configmap_keys(self):
        for config_map, data in self.config_maps.items():
            readers = list(self.services_loading(config_map))
            if not readers:
                continue
            known = set().union(*(s.environment_names(self.image_reads) for s in readers))
            for key in sorted(set(data) - known):
                yield (f"ConfigMap/{config_map}: key {key} is read by none of the services that load it "
                       f"({', '.join(sorted(s.name for s in readers))})")

    def services_loading(self, config_map):
        """The services whose containers load config_map whole (envFrom)."""
        for deployment in self.deployments:
            for container in self.containers(deployment):
                service = self.services.get(module_of_image(container["image"]))
                sources = container.get("envFrom", [])
                if service and any(s.get("configMapRef", {}).get("name") == config_map for s in sources):
                    yield service

    def check_security(self, at, pod, container):
        def setting(key):
            return container.get(key, pod.get(key))
        if setting("runAsNonRoot") is not True:
            yield f"{at}: runAsNonRoot is not true"
        if setting("runAsUser") == 0:
            yield f"{at}: runAsUser is 0 (root)"
        if container.get("readOnlyRootFilesystem") is not True:
            yield f"{at}: readOnlyRootFilesystem is not true"
        if container.get("allowPrivilegeEscalation") is not False:
            yield f"{at}: allowPrivilegeEscalation is not false"

    def check_volumes(self, where, volumes):
        claims = {o["metadata"]["name"] for o in of_kind(self.objects, "PersistentVolumeClaim")}
        for name, volume in volumes.items():
            claim = volume.get("persistentVolumeClaim", {}).get("claimName")
            if claim and claim not in claims:
                yield f"{where}: volume {name} claims PersistentVolumeClaim {claim}, which does not exist"
            config_map = volume.get("configMap", {}).get("name")
            if config_map and config_map not in self.config_maps:
                yield f"{where}: volume {name} mounts ConfigMap {config_map}, which does not exist"

    def check_writable(self, at, container, volumes, service):
        environment = self.environment(container)
        options = environment.get("JAVA_OPTS_APPEND") or ""
        found = re.search(r"-Djava\.io\.tmpdir=(\S+)", options)
        tmpdir = found.group(1) if found else "/tmp"
        mounts = container.get("volumeMounts", [])
        yield from self.check_mounts(at, container, volumes)
        writable = [m["mountPath"].rstrip("/") for m in mounts if not m.get("readOnly") and m["name"] in volumes]
        for what, directory in service.writable_directories(environment, tmpdir).items():
            inside = any(directory == p or directory.startswith(p + "/") for p in writable)
            if not directory.startswith("/") or not inside:
                yield (f"{at}: {service.name} writes {what} = {directory}, which is on the read-only root "
                       f"filesystem (no writable volume mounted there)")

    def check_mounts(self, at, container, volumes):
        for mount in container.get("volumeMounts", []):
            if mount["name"] not in volumes:
                yield f"{at}: volumeMount {mount['mountPath']} names volume {mount['name']}, which the pod does not have"

    def management_ports(self, deployment):
        """The container ports on which the pod's Slideo services serve their management interface."""
        services = [self.services.get(module_of_image(c["image"])) for c in self.containers(deployment)]
        return {s.management_port() for s in services if s and s.management_port() is not None}

    def check_services(self):
        for svc in of_kind(self.objects, "Service"):
            selector = svc["spec"].get("selector", {})
            targets = self.selected(selector)
            if not targets:
                yield f"{name_of(svc)}: selector {selector} matches the pods of no Deployment"
            for port in svc["spec"].get("ports", []):
                target = str(port.get("targetPort", port["port"]))
                for deployment in targets:
                    if target not in self.ports(deployment):
                        yield (f"{name_of(svc)}: targetPort {target!r} is not a port {name_of(deployment)} declares "
                               f"({sorted(self.ports(deployment))})")
                    elif self.ports(deployment)[target] in self.management_ports(deployment):
                        # The kubelet and Prometheus reach the pod itself; a Service would hand health and
                        # metrics to every caller of the service (and, for the gateway, to its ingress).
                        yield (f"{name_of(svc)}: port {port['port']} exposes {name_of(deployment)}'s management "
                               f"port {self.ports(deployment)[target]} (health and metrics)")

    def check_scalers(self):
        names = {d["metadata"]["name"]: d for d in self.deployments}
        for scaler in of_kind(self.objects, "HorizontalPodAutoscaler") + of_kind(self.objects, "ScaledObject"):
            ref = scaler["spec"]["scaleTargetRef"]
            if ref.get("kind", "Deployment") != "Deployment" or ref["name"] not in names:
                yield f"{name_of(scaler)}: scaleTargetRef {ref.get('kind', 'Deployment')}/{ref['name']} is no Deployment here"
                continue
            if scaler["kind"] == "ScaledObject":
                yield from self.check_kafka_triggers(scaler, names[ref["name"]])

    def check_kafka_triggers(self, scaler, deployment):
        """KEDA reads the lag of a topic for a group: both must be what the target service consumes."""
        for container in self.containers(deployment):
            service = self.services.get(module_of_image(container["image"]))
            topics = service.consumed_topics() if service else {}
            bootstrap = self.environment(container).get("SLIDEO_KAFKA_BOOTSTRAP")
            for trigger in (t for t in scaler["spec"].get("triggers", []) if t["type"] == "kafka"):
                meta = trigger["metadata"]
                if topics.get(meta.get("topic")) != meta.get("consumerGroup"):
                    yield (f"{name_of(scaler)}: kafka trigger topic {meta.get('topic')} group {meta.get('consumerGroup')} "
                           f"is not a topic/group {service.name if service else '?'} consumes ({topics})")
                if bootstrap and meta.get("bootstrapServers") != bootstrap:
                    yield (f"{name_of(scaler)}: kafka trigger bootstrapServers {meta.get('bootstrapServers')} differs "
                           f"from the SLIDEO_KAFKA_BOOTSTRAP {bootstrap} its Deployment uses")

    def check_selectors(self):
        for budget in of_kind(self.objects, "PodDisruptionBudget"):
            if not self.selected(budget["spec"]["selector"].get("matchLabels", {})):
                yield f"{name_of(budget)}: selector matches the pods of no Deployment"
