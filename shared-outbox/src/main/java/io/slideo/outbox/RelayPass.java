package io.slideo.outbox;

import java.util.List;
import java.util.UUID;

/** The outcome of one relay pass: what was sent, what the broker refused, how many wait for another pass. */
record RelayPass(int claimed, List<UUID> sent, List<SendOutcome> refused, int unsent, String firstUnsentReason) {
    static final RelayPass NOTHING = new RelayPass(0, List.of(), List.of(), 0, null);

    static RelayPass of(List<SendOutcome> outcomes) {
        List<UUID> sent = outcomes.stream().filter(o -> o.kind() == SendOutcome.Kind.SENT).map(o -> o.event().id).toList();
        List<SendOutcome> refused = outcomes.stream().filter(o -> o.kind() == SendOutcome.Kind.REFUSED).toList();
        List<SendOutcome> unsent = outcomes.stream().filter(o -> o.kind() == SendOutcome.Kind.UNSENT).toList();
        return new RelayPass(outcomes.size(), sent, refused, unsent.size(),
                unsent.isEmpty() ? null : unsent.get(0).reason());
    }
}
