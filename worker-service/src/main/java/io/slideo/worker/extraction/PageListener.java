package io.slideo.worker.extraction;

/** Hears of each page (or slide) as a parser reaches it; {@code total} is 0 when the file does not say. */
@FunctionalInterface
public interface PageListener {
    PageListener NONE = (page, total) -> {
    };

    void page(int page, int total);
}
