package io.slideo.runtime.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.arc.properties.IfBuildProperty;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;

/** The user of the current request: the verified token's {@code sub}, never a header. */
@RequestScoped
@IfBuildProperty(name = "quarkus.smallrye-jwt.enabled", stringValue = "true", enableIfMissing = true)
public class CurrentUser {
    private final JsonWebToken token;

    CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public String id() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new SlideoException(ErrorCode.UNAUTHORIZED, "The token has no subject");
        }
        return subject;
    }

    /** The raw token, to call another Slideo service on the user's behalf. */
    public String bearerToken() {
        return token.getRawToken();
    }
}
