package io.slideo.worker.extraction;

import java.io.IOException;

import io.slideo.model.document.Figure;

/** Takes the bytes of each figure kept from a document, to store them under the figure's blob key. */
@FunctionalInterface
public interface FigureSink {
    FigureSink NONE = (figure, bytes) -> {
    };

    void accept(Figure figure, byte[] bytes) throws IOException;
}
