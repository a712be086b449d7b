package io.slideo.websocket.domain;

import java.util.ArrayDeque;

import io.slideo.runtime.notification.JournalEntry;

/**
 * Where one connection stands in its user's notification sequence. Touched only on the
 * connection's event loop, so it needs no locks.
 *
 * <ul>
 * <li>{@code holding}: live notifications wait in {@code held} (from the upgrade until the first
 * message, and while a resume replays), so a replay is never overtaken.</li>
 * <li>{@code lastSeq}: the highest number written; a notification at or below it is a duplicate.</li>
 * <li>{@code firstLiveSeq}/{@code lastSeq}: the numbers sent live before a late resume, which its
 * replay skips.</li>
 * <li>{@code pending}: writes not yet taken by the socket; past the bound the connection is
 * {@code behind}: live notifications are dropped until the client resumes.</li>
 * </ul>
 */
public final class DeliveryState {
    private final ArrayDeque<JournalEntry> held = new ArrayDeque<>(0);
    private boolean holding = true;
    private boolean replaying;
    private boolean behind;
    private boolean resyncSent;
    private long lastSeq;
    private long firstLiveSeq;
    private int pending;

    public boolean holding() {
        return holding;
    }

    public void holding(boolean holding) {
        this.holding = holding;
    }

    public boolean replaying() {
        return replaying;
    }

    public void replaying(boolean replaying) {
        this.replaying = replaying;
    }

    public ArrayDeque<JournalEntry> held() {
        return held;
    }

    public boolean behind() {
        return behind;
    }

    /** The client missed notifications (its queue overflowed); it must resume to get them. */
    public void fallBehind() {
        behind = true;
        resyncSent = false;
    }

    public boolean resyncSent() {
        return resyncSent;
    }

    public void resyncSent(boolean sent) {
        this.resyncSent = sent;
    }

    /** A resume starts: whatever was dropped is about to be replayed. */
    public void catchUp() {
        behind = false;
        resyncSent = false;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public long firstLiveSeq() {
        return firstLiveSeq;
    }

    /** A live notification was written. */
    public void sentLive(long seq) {
        if (firstLiveSeq == 0) {
            firstLiveSeq = seq;
        }
        lastSeq = Math.max(lastSeq, seq);
    }

    /** A replayed notification was written. */
    public void sentReplayed(long seq) {
        lastSeq = Math.max(lastSeq, seq);
    }

    /** After a resync the numbering continues from {@code seq} without a replay. */
    public void skipTo(long seq) {
        lastSeq = Math.max(lastSeq, seq);
    }

    public int pending() {
        return pending;
    }

    public void writeStarted() {
        pending++;
    }

    public void writeEnded() {
        pending--;
    }
}
