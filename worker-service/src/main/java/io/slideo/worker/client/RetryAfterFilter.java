package io.slideo.worker.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Notes a server's {@code Retry-After} (on 429 and 503) for every REST client of the worker, the
 * model client included: the exceptions those clients raise carry the status but not the headers.
 */
@Provider
public class RetryAfterFilter implements ClientResponseFilter {

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        int status = response.getStatus();
        if (status == 429 || status == 503) {
            RetryAfter.note(request.getUri(), response.getHeaderString("Retry-After"));
        }
    }
}
