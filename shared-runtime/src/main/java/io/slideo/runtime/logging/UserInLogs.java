package io.slideo.runtime.logging;

import java.security.Principal;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Names the request's user (the verified token's subject) in the log context, so every line a
 * request logs says whose it was: {@code user=} in the text format, {@code mdc.userId} in JSON. The
 * trace and span ids come from quarkus-opentelemetry the same way. Quarkus keeps the MDC on the
 * request's own Vert.x context, so nothing leaks into the next request.
 */
public class UserInLogs {
    public static final String USER_ID = "userId";

    @ServerRequestFilter
    void nameTheUser(ContainerRequestContext request) {
        Principal user = request.getSecurityContext().getUserPrincipal();
        if (user != null && user.getName() != null && !user.getName().isBlank()) {
            MDC.put(USER_ID, user.getName());
        }
    }
}
