package io.slideo.outbox;

import java.util.ArrayList;
import java.util.List;

/** A failure and the causes it wraps (a CompletionException around a HibernateException around...). */
final class CauseChain {
    private static final int DEEPEST = 16;

    private CauseChain() {
    }

    static List<Throwable> of(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < DEEPEST && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
