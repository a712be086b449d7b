"""Checks on where one rendered overlay keeps its blobs: the services that share blobs (document-,
slide- and worker-service hand each other uploads, extractions and exports by key) must all use the
same store, one every pod of theirs can see, with credentials the store accepts."""
import re

from manifests import module_of_image, name_of, of_kind
from service import S3_BUCKET

ACCESS_KEY, SECRET_KEY = "SLIDEO_BLOB_S3_ACCESS_KEY", "SLIDEO_BLOB_S3_SECRET_KEY"
ENDPOINT = "SLIDEO_BLOB_S3_ENDPOINT"
# What an S3-compatible server's own image reads as the key pair it accepts: {its variable: ours}.
SERVER_KEYS = {
    "S3PROXY_IDENTITY": ACCESS_KEY, "S3PROXY_CREDENTIAL": SECRET_KEY,  # andrewgaul/s3proxy
    "MINIO_ROOT_USER": ACCESS_KEY, "MINIO_ROOT_PASSWORD": SECRET_KEY,  # minio/minio
}


def problems(overlay):
    stores = {}  # {where: a description of the store it uses}
    for deployment, container, service in blob_users(overlay):
        where = f"{name_of(deployment)} ({service.name})"
        environment = overlay.environment(container)
        if environment.get(S3_BUCKET, "") == "":
            store, problem = directory_store(overlay, deployment, container, environment)
            if problem:
                yield f"{where}: {problem}"
        else:
            store = f"S3 bucket {environment[S3_BUCKET]!r} at {environment.get(ENDPOINT) or 'AWS'}"
            yield from check_key_pair(where, container)
            yield from check_server_accepts(overlay, where, container, environment.get(ENDPOINT))
        stores[where] = store
    if len(set(stores.values())) > 1:
        yield ("the services that share blobs use different stores, so one would not find what another wrote: "
               + "; ".join(f"{where} uses {store}" for where, store in sorted(stores.items())))


def blob_users(overlay):
    for deployment in overlay.deployments:
        for container in overlay.containers(deployment):
            service = overlay.services.get(module_of_image(container["image"]))
            if service and service.uses_blob_store():
                yield deployment, container, service


def directory_store(overlay, deployment, container, environment):
    """(the store, a problem or None) of a service keeping blobs in a directory: only a claimed volume
    is shared between pods (whether the claim can be mounted by all of them is the cluster's say)."""
    directory = environment.get("SLIDEO_BLOB_DIRECTORY") or ".slideo/blobs"
    volumes = {v["name"]: v for v in deployment["spec"]["template"]["spec"].get("volumes", [])}
    for mount in container.get("volumeMounts", []):
        path = mount["mountPath"].rstrip("/")
        if directory == path or directory.startswith(path + "/"):
            claim = volumes.get(mount["name"], {}).get("persistentVolumeClaim", {}).get("claimName")
            if claim:
                return f"directory {directory} on PersistentVolumeClaim {claim}", None
            return (f"directory {directory} on volume {mount['name']}",
                    f"{S3_BUCKET} is unset and the blob directory {directory} is on volume {mount['name']}, which "
                    f"is no PersistentVolumeClaim: no other pod sees those blobs")
    return f"directory {directory} in the container", None  # check_writable names the missing volume


def check_key_pair(where, container):
    """BlobStoreProducer refuses to start with one key of the pair: both fixed, or neither (the AWS chain)."""
    names = {var["name"] for var in container.get("env", [])}
    if (ACCESS_KEY in names) != (SECRET_KEY in names):
        have, lack = (ACCESS_KEY, SECRET_KEY) if ACCESS_KEY in names else (SECRET_KEY, ACCESS_KEY)
        yield f"{where}: sets {have} without {lack}; the blob store wants both or neither"


def source(var):
    """Where a variable's value comes from, comparable across pods."""
    ref = var.get("valueFrom", {}).get("secretKeyRef")
    return f"Secret {ref['name']} key {ref['key']}" if ref else f"value {var.get('value')!r}"


def check_server_accepts(overlay, where, container, endpoint):
    """An S3-compatible server in this overlay must be given the key pair the services send."""
    host = re.match(r"https?://([a-z0-9-]+)(?::\d+)?/?$", endpoint or "")
    service = next((s for s in of_kind(overlay.objects, "Service") if host and s["metadata"]["name"] == host.group(1)),
                   None)
    if service is None:
        return  # AWS, or a server outside the overlay; a missing in-cluster Service is network.py's to name
    sends = {var["name"]: source(var) for var in container.get("env", [])}
    for server in overlay.selected(service["spec"].get("selector", {})):
        for server_container in overlay.containers(server):
            for var in server_container.get("env", []):
                ours = SERVER_KEYS.get(var["name"])
                if ours and sends.get(ours) != source(var):
                    yield (f"{where}: sends {ours} from {sends.get(ours, 'nowhere')}, but {name_of(server)} "
                           f"accepts {var['name']} from {source(var)}")
