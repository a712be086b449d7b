"""The checker checked: each case copies k8s/ to a temp dir, breaks one reference there, and expects
a failure that names it; each service case makes one service configure itself differently and expects
the unchanged manifests to be caught. k8s/ itself must pass first, or the cases would prove nothing."""
import copy
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# (what is broken, file under k8s/, text there, its broken replacement, words the failure must contain)
CASES = [
    ("readiness probe on a path the gateway does not serve", "base/gateway-service.yaml",
     "path: /q/health/ready,", "path: /q/health/readyz,", "readinessProbe asks /q/health/readyz"),
    ("liveness probe on a port the container does not declare", "base/content-service.yaml",
     "path: /q/health/live, port: management}", "path: /q/health/live, port: admin}", "livenessProbe port 'admin'"),
    ("readiness probe on the gateway's public port instead of its management port", "base/gateway-service.yaml",
     "path: /q/health/ready, port: management}", "path: /q/health/ready, port: http}",
     "readinessProbe asks /q/health/ready on 8080, but gateway-service serves readiness health at /q/health/ready on 9080"),
    ("scrape annotation on the HTTP port instead of the management port", "base/slide-service.yaml",
     'prometheus.io/port: "9084"', 'prometheus.io/port: "8084"', "prometheus.io/port '8084' is not slide-service's metrics port 9084"),
    ("gateway Service exposing the management port", "base/gateway-service.yaml",
     "    - name: http\n      port: 8080\n      targetPort: http\n",
     "    - name: http\n      port: 8080\n      targetPort: http\n    - name: management\n      port: 9080\n      targetPort: management\n",
     "Service/gateway-service: port 9080 exposes Deployment/gateway-service's management port 9080"),
    ("NetworkPolicy opening the gateway's management port to everyone", "base/network-policies.yaml",
     "    - ports: [{port: 8080}]\n", "    - ports: [{port: 8080}, {port: 9080}]\n",
     "lets every peer reach Deployment/gateway-service's management port 9080"),
    ("NetworkPolicy letting Prometheus in on the worker's HTTP port, not its management port", "base/network-policies.yaml",
     "ports: [{port: 9085}]", "ports: [{port: 8085}]",
     "Deployment/worker-service: no NetworkPolicy lets the monitoring namespace scrape its management port 9085"),
    ("Service targetPort the pods do not declare", "base/slide-service.yaml",
     "      targetPort: http", "      targetPort: web", "targetPort 'web'"),
    ("Service selector matching no pods", "base/document-service.yaml",
     "spec:\n  selector:\n    app.kubernetes.io/name: document-service",
     "spec:\n  selector:\n    app.kubernetes.io/name: documents-service", "Service/document-service: selector"),
    ("ConfigMap key no service reads", "base/config.yaml",
     "SLIDEO_PG_HOST: postgres", "SLIDEO_PG_HOSTNAME: postgres", "key SLIDEO_PG_HOSTNAME"),
    ("env var the container's service does not read", "base/worker-service.yaml",
     "- name: SLIDEO_WORKER_RESEARCH_TAVILY_KEY", "- name: SLIDEO_WORKER_TAVILY_KEY", "env SLIDEO_WORKER_TAVILY_KEY"),
    ("HPA aimed at a Deployment that does not exist", "base/gateway-service.yaml",
     "kind: Deployment, name: gateway-service}", "kind: Deployment, name: gateway}", "scaleTargetRef Deployment/gateway"),
    ("KEDA trigger on a topic the worker does not consume", "base/worker-service.yaml",
     "topic: plan.requested.v1", "topic: plans.requested.v1", "topic plans.requested.v1"),
    ("container with a writable root filesystem", "base/websocket-service.yaml",
     "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", "readOnlyRootFilesystem is not true"),
    ("no S3 bucket, so blobs would go to the read-only root filesystem", "base/config.yaml",
     "  SLIDEO_BLOB_S3_BUCKET: slideo-blobs\n", "", "as SLIDEO_BLOB_S3_BUCKET is unset) = .slideo/blobs"),
    ("no S3 bucket, blobs in an emptyDir no other pod sees", "base/config.yaml",
     "  SLIDEO_BLOB_S3_BUCKET: slideo-blobs\n", "  SLIDEO_BLOB_DIRECTORY: /tmp/blobs\n",
     "blob directory /tmp/blobs is on volume tmp, which is no PersistentVolumeClaim"),
    ("one blob user on a bucket of its own", "base/slide-service.yaml",
     '            - name: JAVA_OPTS_APPEND\n',
     '            - {name: SLIDEO_BLOB_S3_BUCKET, value: slide-blobs}\n            - name: JAVA_OPTS_APPEND\n',
     "use different stores"),
    ("S3 access key without its secret key", "base/document-service.yaml",
     "            - name: SLIDEO_BLOB_S3_SECRET_KEY\n", "            - name: SLIDEO_BLOB_S3_SECRET_KEY_UNUSED\n",
     "sets SLIDEO_BLOB_S3_ACCESS_KEY without SLIDEO_BLOB_S3_SECRET_KEY"),
    ("s3proxy accepting a key the services do not send", "overlays/dev/s3proxy.yaml",
     "key: blob-s3-secret-key}", "key: s3proxy-credential}",
     "accepts S3PROXY_CREDENTIAL from Secret slideo-secrets key s3proxy-credential"),
    ("S3 endpoint on a port its Service does not have", "overlays/dev/kustomization.yaml",
     '"http://s3proxy:8080"', '"http://s3proxy:9000"', "no Service s3proxy with port 9000"),
    ("NetworkPolicy that shuts a blob user out of s3proxy", "overlays/dev/s3proxy.yaml",
     "        - podSelector: {matchLabels: {app.kubernetes.io/name: worker-service}}\n", "",
     "do not let Deployment/worker-service in on 8080"),
    ("third-party container allowed to run as root", "overlays/dev/s3proxy.yaml",
     "runAsNonRoot: true", "runAsNonRoot: false", "(andrewgaul/s3proxy:4.0.0): runAsNonRoot is not true"),
    ("JWT secret handed to the worker, which verifies no tokens", "base/worker-service.yaml",
     "            - name: JAVA_OPTS_APPEND\n",
     "            - {name: SLIDEO_JWT_SECRET, valueFrom: {secretKeyRef: {name: slideo-secrets, key: jwt-secret}}}\n"
     "            - name: JAVA_OPTS_APPEND\n", "env SLIDEO_JWT_SECRET is handed to a service that verifies no tokens"),
    ("prod without a JWKS URL (and no HS256 secret)", "overlays/prod/kustomization.yaml",
     "      - {op: add, path: /data/SLIDEO_JWT_JWKS_URL,", "      - {op: add, path: /data/SLIDEO_JWT_UNUSED,",
     "(gateway-service): verifies tokens but gets neither SLIDEO_JWT_JWKS_URL nor SLIDEO_JWT_SECRET"),
    ("egress denied, so the JWKS cannot be fetched", "base/network-policies.yaml",
     "  podSelector: {}\n  policyTypes: [Ingress]\n", "  podSelector: {}\n  policyTypes: [Ingress, Egress]\n",
     "SLIDEO_JWT_JWKS_URL=https://your-project.supabase.co/auth/v1/.well-known/jwks.json: the egress "
     "NetworkPolicies of Deployment/gateway-service do not let it reach outside the cluster on 443"),
    ("NetworkPolicy opening a port no pod declares", "base/network-policies.yaml",
     "ports: [{port: 8084}]", "ports: [{port: 8048}]", "ingress port 8048"),
    ("NetworkPolicy that shuts out a caller (websocket-service, of document-service)", "base/network-policies.yaml",
     "        - podSelector: {matchLabels: {app.kubernetes.io/name: websocket-service}}\n"
     "        - podSelector: {matchLabels: {app.kubernetes.io/name: content-service}}\n",
     "        - podSelector: {matchLabels: {app.kubernetes.io/name: content-service}}\n",
     "do not let Deployment/websocket-service in on 8082"),
    ("service URL on a port its Service does not have", "base/config.yaml",
     "SLIDEO_SERVICES_CONTENT: http://content-service:8083", "SLIDEO_SERVICES_CONTENT: http://content-service:8093",
     "no Service content-service with port 8093"),
    ("PodMonitor scraping a path the services do not serve", "monitoring/pod-monitor.yaml",
     "path: /q/metrics", "path: /metrics", "scrapes /metrics"),
    ("PodMonitor scraping the public port", "monitoring/pod-monitor.yaml",
     "    - port: management\n", "    - port: http\n",
     "scrapes /q/metrics on 8080 of Deployment/gateway-service, which serves metrics at /q/metrics on 9080"),
    ("alert on a slideo_* metric the code does not export", "monitoring/alerts.yaml",
     "increase(slideo_outbox_failed_total[15m])", "increase(slideo_outbox_failures_total[15m])",
     "slideo_outbox_failures_total is exported by no meter"),
    ("alert rule Prometheus cannot parse", "monitoring/alerts.yaml",
     "== 1\n", "== == 1\n", "promtool check rules failed"),
    ("alert that no longer fires on its test series", "monitoring/alerts.yaml",
     "(kafka_consumer_fetch_manager_records_lag) > 200", "(kafka_consumer_fetch_manager_records_lag) > 2000",
     "promtool test rules failed"),
    ("dashboard on a metric the code does not export", "monitoring/slideo-dashboard.json",
     "slideo_prompt_calls_total", "slideo_prompt_call_total", "slideo_prompt_call_total is exported by no meter"),
    ("dashboard that is not JSON", "monitoring/slideo-dashboard.json",
     '"uid": "slideo-overview",', '"uid": "slideo-overview"', "not JSON"),
]

# The other direction: a service changes its configuration and the manifests do not follow.
# (what changed, service, properties it now sets, words the failure must contain)
SERVICE_CASES = [
    ("gateway serves health on its HTTP port again", "gateway-service",
     {"quarkus.management.enabled": "false"}, "serves liveness health at /q/health/live on 8080"),
    ("gateway moves its management interface to another port", "gateway-service",
     {"quarkus.management.port": "9000"}, "serves liveness health at /q/health/live on 9000"),
    ("worker moves the management root /q to /internal", "worker-service",
     {"quarkus.management.root-path": "/internal"}, "serves startup health at /internal/health/started"),
    ("websocket-service asks a token for health on its management interface", "websocket-service",
     {"quarkus.management.auth.enabled": "true", "quarkus.management.auth.permission.health.paths": "/q/health/*",
      "quarkus.management.auth.permission.health.policy": "authenticated"}, "path /q/health/ready needs a token"),
    ("content-service, health back on its HTTP port, stops letting /q/* through without a token", "content-service",
     {"quarkus.management.enabled": "false", "quarkus.http.auth.permission.public.paths": "/q/metrics"},
     "path /q/health/ready needs a token"),
    ("slide-service serves metrics elsewhere", "slide-service",
     {"quarkus.micrometer.export.prometheus.path": "prometheus"}, "serves /q/prometheus"),
    ("worker verifies tokens again", "worker-service",
     {"quarkus.smallrye-jwt.enabled": "true"}, "(worker-service): verifies tokens but gets neither"),
]


def broken_copy(k8s: Path, into: Path, file, text, replacement):
    copy = into / "k8s"
    shutil.copytree(k8s, copy)
    target = copy / file
    original = target.read_text(encoding="utf-8")
    if original.count(text) < 1:
        raise AssertionError(f"self-test case is stale: {file} no longer contains {text!r}")
    target.write_text(original.replace(text, replacement, 1), encoding="utf-8")
    return copy


def run_case(k8s, repository, problems, case):
    what, file, text, replacement, expected = case
    with tempfile.TemporaryDirectory() as temp:
        try:
            found = list(problems(broken_copy(k8s, Path(temp), file, text, replacement), repository))
        except AssertionError as stale:
            return f"FAIL {what}: {stale}"
    hits = [p for p in found if expected in p]
    if hits:
        return f"ok   {what}: {hits[0].splitlines()[0]}"
    return f"FAIL {what}: not caught (wanted {expected!r}; got {found or 'no problems'})"


def run_service_case(k8s, repository, problems, case):
    what, name, overrides, expected = case
    changed = copy.copy(repository)
    changed.services = {**repository.services, name: repository.services[name].with_properties(overrides)}
    found = list(problems(k8s, changed))
    hits = [p for p in found if expected in p]
    if hits:
        return f"ok   {what}: {hits[0].splitlines()[0]}"
    return f"FAIL {what}: not caught (wanted {expected!r}; got {found or 'no problems'})"


def run_self_test(k8s: Path, repository, problems):
    baseline = list(problems(k8s, repository))
    if baseline:
        print("FAIL k8s/ itself has problems, so the self-test would prove nothing:\n  " + "\n  ".join(baseline))
        return 1
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda case: run_case(k8s, repository, problems, case), CASES))
        results += pool.map(lambda case: run_service_case(k8s, repository, problems, case), SERVICE_CASES)
    for line in results:
        print(line)
    failed = sum(line.startswith("FAIL") for line in results)
    print(f"k8s self-test: {len(results) - failed} of {len(results)} deliberate breaks caught")
    return 1 if failed else 0
