"""One service as its own configuration describes it: where it serves health and metrics, which
paths need no token, which environment variables it reads, what it writes and what it consumes."""
import copy
import re
from dataclasses import dataclass
from pathlib import Path

from facts import config_mapping_properties, env_name, load_module, managed_scopes, read_properties

SHARED_DEFAULTS = "src/main/resources/META-INF/microprofile-config.properties"
OWN_PROPERTIES = "src/main/resources/application.properties"

# Environment variables the manifests may set although no properties file or Java source names
# them, each with who reads it. Keep this list short: every entry is a name the checker cannot see.
# Setting it (to anything, even from a Secret) moves the blob store from its directory to S3.
S3_BUCKET = "SLIDEO_BLOB_S3_BUCKET"

READ_ELSEWHERE = {
    "QUARKUS_SHUTDOWN_TIMEOUT": "Quarkus itself (quarkus.shutdown.timeout, graceful shutdown)",
}


@dataclass(frozen=True)
class Endpoint:
    port: int
    path: str


def join(base, path):
    """Quarkus's rule for its configured paths: an absolute one stands alone, a relative one hangs
    under its parent."""
    if path.startswith("/"):
        return path.rstrip("/") or "/"
    return base.rstrip("/") + "/" + path.strip("/")


class Service:
    def __init__(self, root: Path, name: str):
        self.name = name
        self.module = load_module(root, name, managed_scopes(root))
        self.files = [m / SHARED_DEFAULTS for m in reversed(self.module.closure) if (m / SHARED_DEFAULTS).exists()]
        if (self.module.path / OWN_PROPERTIES).exists():
            self.files.append(self.module.path / OWN_PROPERTIES)
        self.raw = {}
        for file in self.files:  # application.properties last: it overrides the shared defaults
            self.raw.update(read_properties(file))
        self.properties = {k: v for k, v in self.raw.items() if not k.startswith("%")}
        self.sources = {path: path.read_text(encoding="utf-8") for path in self.module.java_sources()}
        self.own_sources = [text for path, text in self.sources.items()
                            if path.is_relative_to(self.module.path)]

    def with_properties(self, overrides):
        """This service as if its application.properties also said overrides (for the self-test)."""
        changed = copy.copy(self)
        changed.raw = {**self.raw, **overrides}
        changed.properties = {**self.properties, **overrides}
        return changed

    def get(self, key, default):
        return self.properties.get(key, default)

    # -------------------------------------------------------------- health and metrics

    def has(self, artifact):
        return artifact in self.module.artifacts

    def management_enabled(self):
        return self.get("quarkus.management.enabled", "false") == "true"

    def non_application_root(self):
        if self.management_enabled():
            return self.get("quarkus.management.root-path", "/q")
        root = self.get("quarkus.http.root-path", "/")
        return join(root, self.get("quarkus.http.non-application-root-path", "q"))

    def endpoint_port(self):
        key, default = ("quarkus.management.port", "9000") if self.management_enabled() else ("quarkus.http.port", "8080")
        return int(self.get(key, default))

    def health(self):
        """{probe kind: Endpoint} for the three Kubernetes probes, or {} without SmallRye Health."""
        if not self.has("quarkus-smallrye-health"):
            return {}
        health_root = join(self.non_application_root(), self.get("quarkus.smallrye-health.root-path", "health"))
        paths = {"liveness": ("liveness-path", "live"), "readiness": ("readiness-path", "ready"),
                 "startup": ("startup-path", "started")}
        return {kind: Endpoint(self.endpoint_port(),
                               join(health_root, self.get(f"quarkus.smallrye-health.{key}", default)))
                for kind, (key, default) in paths.items()}

    def metrics(self):
        if not self.has("quarkus-micrometer-registry-prometheus"):
            return None
        path = self.get("quarkus.micrometer.export.prometheus.path", "metrics")
        return Endpoint(self.endpoint_port(), join(self.non_application_root(), path))

    def management_port(self):
        """The port of the management interface, or None when health and metrics share the HTTP port."""
        return self.endpoint_port() if self.management_enabled() else None

    def open_without_token(self, path):
        """Quarkus applies the permission sets whose path pattern matches most specifically; the path is
        open when every one of those says permit. Health and metrics on the management interface answer
        to its own permissions (quarkus.management.auth.*, off unless enabled), not the HTTP server's."""
        auth = "quarkus.http.auth"
        if self.management_enabled():
            if self.get("quarkus.management.auth.enabled", "false") != "true":
                return True
            auth = "quarkus.management.auth"
        best, policies = -1, []
        for key, value in self.properties.items():
            match = re.fullmatch(re.escape(auth) + r"\.permission\.([^.]+)\.paths", key)
            if not match:
                continue
            policy = self.get(f"{auth}.permission.{match.group(1)}.policy", "")
            for pattern in (p.strip() for p in value.split(",")):
                matches = path == pattern or (pattern.endswith("/*") and path.startswith(pattern[:-1]))
                if matches and len(pattern) > best:
                    best, policies = len(pattern), [policy]
                elif matches and len(pattern) == best:
                    policies.append(policy)
        return best < 0 or all(p == "permit" for p in policies)

    # -------------------------------------------------------------- configuration it reads

    def property_names(self):
        """Every property the service can look up: keys its properties files set, ${name} and
        ${name:default} expressions in them, @ConfigMapping members and @ConfigProperty names."""
        names = set(self.properties)
        for value in self.raw.values():
            names |= set(re.findall(r"\$\{([^}:]+)", value))
        for source in self.sources.values():
            names |= config_mapping_properties(source)
            names |= set(re.findall(r'@ConfigProperty\(\s*name\s*=\s*"([^"]+)"', source))
        return names

    def environment_names(self, image_reads):
        """Environment variables this service reads: the environment name of every property it can look
        up (SmallRye maps SLIDEO_PG_HOST to slideo.pg.host), System.getenv("…") in its Java, what its
        image's entrypoint expands, and the few READ_ELSEWHERE names."""
        names = {env_name(p) for p in self.property_names()}
        for source in self.sources.values():
            names |= set(re.findall(r'System\.getenv\(\s*"([A-Z0-9_]+)"', source))
        return names | set(image_reads) | set(READ_ELSEWHERE)

    # -------------------------------------------------------------- what it writes, what it consumes

    def uses_blob_store(self):
        """Its own code (not just shared-runtime, which every service has) stores or reads blobs."""
        return any("BlobStore" in source for source in self.own_sources)

    def verifies_tokens(self):
        """SmallRye JWT is on unless the service turns it off (the worker: Kafka only, no users)."""
        return self.get("quarkus.smallrye-jwt.enabled", "true") != "false"

    def acts_on(self, variable):
        """Whether a variable it reads changes what it does: shared-runtime maps slideo.blob.* and
        slideo.jwt.* for every service, but only blob users open the store, only verifiers fetch keys."""
        if variable.startswith("SLIDEO_BLOB_"):
            return self.uses_blob_store()
        if variable.startswith("SLIDEO_JWT_"):
            return self.verifies_tokens()
        return True

    def writable_directories(self, environment, tmpdir):
        """Directories the service writes, as the container would resolve them: java.io.tmpdir always
        (the JVM, Vert.x uploads, Netty's native libraries), the blob directory if its own code uses
        the blob store and no S3 bucket replaces it, the multipart upload directory if configured."""
        needed = {"java.io.tmpdir": tmpdir}
        if self.uses_blob_store() and environment.get(S3_BUCKET, "") == "":  # SmallRye: empty is unset
            # unset, or set from a Secret or the downward API (value unknown here): not provably on a volume
            needed[f"slideo.blob.directory (SLIDEO_BLOB_DIRECTORY, as {S3_BUCKET} is unset)"] = environment.get(
                "SLIDEO_BLOB_DIRECTORY") or ".slideo/blobs (the default, or a value not known here)"
        uploads = self.properties.get("quarkus.http.body.uploads-directory")
        if uploads:
            needed["quarkus.http.body.uploads-directory"] = uploads.replace("${java.io.tmpdir}", tmpdir)
        return needed

    def consumed_topics(self):
        """{topic: consumer group} of its Kafka channels; a channel without group.id uses the
        application name, which is what makes all instances one group."""
        topics = {}
        for key, topic in self.properties.items():
            match = re.fullmatch(r"mp\.messaging\.incoming\.([^.]+)\.topic", key)
            if match:
                group = self.get(f"mp.messaging.incoming.{match.group(1)}.group.id",
                                 self.get("quarkus.application.name", self.name))
                topics[topic] = group
        return topics


def image_entrypoint_variables(dockerfile: Path):
    """$NAME and ${NAME} the image's ENTRYPOINT/CMD expand at start: the container environment reaches them."""
    names = set()
    for line in dockerfile.read_text(encoding="utf-8").splitlines():
        if line.startswith(("ENTRYPOINT", "CMD")):
            names |= set(re.findall(r"\$\{?([A-Z_][A-Z0-9_]*)", line))
    return names
