"""Checks on how one rendered overlay's services verify access tokens (shared-runtime's JwtConfig):
a service that verifies users needs a source of keys, one that verifies none is handed no secret."""
from manifests import module_of_image, name_of

KEY_SOURCES = ("SLIDEO_JWT_JWKS_URL", "SLIDEO_JWT_SECRET")


def problems(overlay):
    for deployment in overlay.deployments:
        for container in overlay.containers(deployment):
            service = overlay.services.get(module_of_image(container["image"]))
            if service is None:
                continue
            where = f"{name_of(deployment)} ({service.name})"
            if service.verifies_tokens():
                environment = overlay.environment(container)
                if not any(environment.get(name, "") != "" for name in KEY_SOURCES):
                    yield (f"{where}: verifies tokens but gets neither {' nor '.join(KEY_SOURCES)}, "
                           f"so it would refuse every user")
                continue
            for var in container.get("env", []):
                if var["name"].startswith("SLIDEO_JWT_"):
                    yield (f"{where}: env {var['name']} is handed to a service that verifies no tokens "
                           f"(quarkus.smallrye-jwt.enabled=false)")
