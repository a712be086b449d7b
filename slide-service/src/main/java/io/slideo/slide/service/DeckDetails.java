package io.slideo.slide.service;

import java.util.List;

import io.slideo.slide.domain.Deck;
import io.slideo.slide.domain.Slide;
import io.slideo.slide.domain.SlideVersion;

/** A deck with its slides, each with every version (oldest first). */
public record DeckDetails(Deck deck, List<SlideWithVersions> slides) {

    public record SlideWithVersions(Slide slide, List<SlideVersion> versions) {

        public SlideVersion current() {
            return versions.stream().filter(v -> v.version == slide.currentVersion).findFirst()
                    .orElse(versions.get(versions.size() - 1));
        }
    }
}
