package io.slideo.model.ws;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A resume asked for notifications older than the server keeps (or the client fell too far behind):
 * the client should reload state over REST/GraphQL ({@code fetch} lists what) and continue from
 * {@code latest_seq}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResyncRequired(long lastSeq, long oldestSeq, long latestSeq, String message, List<String> fetch)
        implements ServerPayload {

    @JsonIgnore
    @Override
    public ServerMessageType messageType() {
        return ServerMessageType.RESYNC_REQUIRED;
    }
}
