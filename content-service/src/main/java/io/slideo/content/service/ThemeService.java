package io.slideo.content.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.slideo.content.api.ThemeRequest;
import io.slideo.content.config.ContentConfig;
import io.slideo.content.domain.CustomTheme;
import io.slideo.content.repository.CustomThemeRepository;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.EventCodec;
import io.slideo.model.theme.Theme;
import io.smallrye.mutiny.Uni;

/** The themes a user may use: the built-in catalog and the ones they made themselves. */
@ApplicationScoped
public class ThemeService {
    static final String CUSTOM_PREFIX = "custom-";
    private static final ObjectMapper JSON = EventCodec.newMapper();

    private final ThemeCatalog catalog;
    private final CustomThemeRepository custom;
    private final ContentConfig config;

    ThemeService(ThemeCatalog catalog, CustomThemeRepository custom, ContentConfig config) {
        this.catalog = catalog;
        this.custom = custom;
        this.config = config;
    }

    @WithSession
    public Uni<List<Theme>> list(String userId) {
        return custom.listOwned(userId).map(own -> {
            List<Theme> all = new ArrayList<>(catalog.all());
            own.forEach(t -> all.add(read(t)));
            return all;
        });
    }

    /** A built-in theme or one of the user's own; anyone else's is NOT_FOUND. */
    @WithSession
    public Uni<Theme> find(String userId, String id) {
        var builtIn = catalog.find(id);
        if (builtIn.isPresent()) {
            return Uni.createFrom().item(builtIn.get());
        }
        if (id == null || !id.startsWith(CUSTOM_PREFIX)) {
            return Uni.createFrom().failure(SlideoException.notFound("Theme", id));
        }
        return custom.findOwned(id, userId).onItem().ifNull().failWith(() -> SlideoException.notFound("Theme", id))
                .map(ThemeService::read);
    }

    @WithTransaction
    public Uni<Theme> create(String userId, ThemeRequest request) {
        Theme theme = compose(request);
        return custom.countOwned(userId).chain(count -> {
            if (count >= config.maxCustomThemes()) {
                return Uni.createFrom().failure(new SlideoException(ErrorCode.CONFLICT, "You already have " + count
                        + " custom themes, the most one user may keep; delete one first"));
            }
            CustomTheme row = new CustomTheme();
            row.id = theme.id();
            row.userId = userId;
            row.definition = write(theme);
            row.createdAt = Instant.now();
            return custom.persist(row).replaceWith(theme);
        }).invoke(t -> Log.infof("Custom theme %s created by user %s", t.id(), userId));
    }

    @WithTransaction
    public Uni<Void> delete(String userId, String id) {
        if (catalog.find(id).isPresent()) {
            return Uni.createFrom().failure(new SlideoException(ErrorCode.FORBIDDEN,
                    "Theme " + id + " is built in and cannot be deleted"));
        }
        return custom.deleteOwned(id, userId).invoke(deleted -> {
            if (!deleted) {
                throw SlideoException.notFound("Theme", id);
            }
            Log.infof("Custom theme %s deleted by user %s", id, userId);
        }).replaceWithVoid();
    }

    /** The request over its base theme, checked; every problem is named in one INVALID_FIELD message. */
    Theme compose(ThemeRequest request) {
        if (request == null) {
            throw new SlideoException(ErrorCode.INVALID_FIELD, "A theme needs a JSON body");
        }
        String baseId = request.basedOn() == null || request.basedOn().isBlank() ? config.defaultThemeId()
                : request.basedOn();
        Theme base = catalog.find(baseId).orElseThrow(() -> new SlideoException(ErrorCode.INVALID_FIELD,
                "basedOn must name a built-in theme (" + String.join(", ", catalog.all().stream().map(Theme::id).toList())
                        + "), not '" + baseId + "'"));
        List<String> problems = new ArrayList<>();
        // The Theme record turns sizes of 0 or less into defaults; a user who sent one must hear about it.
        positive("titleFontSize", request.titleFontSize(), problems);
        positive("bodyFontSize", request.bodyFontSize(), problems);
        if (request.lineSpacing() != null && request.lineSpacing() <= 0) {
            problems.add("lineSpacing must be between " + ThemeRules.MIN_LINE_SPACING + " and "
                    + ThemeRules.MAX_LINE_SPACING + ", not " + request.lineSpacing());
        }
        Theme theme = new Theme(CUSTOM_PREFIX + UUID.randomUUID(),
                or(request.name(), null), or(request.description(), ""),
                or(request.backgroundColor(), base.backgroundColor()), or(request.textColor(), base.textColor()),
                or(request.titleColor(), base.titleColor()), or(request.accentColor(), base.accentColor()),
                or(request.headingFont(), base.headingFont()), or(request.bodyFont(), base.bodyFont()),
                request.titleFontSize() == null ? base.titleFontSize() : request.titleFontSize(),
                request.bodyFontSize() == null ? base.bodyFontSize() : request.bodyFontSize(),
                request.lineSpacing() == null ? base.lineSpacing() : request.lineSpacing(),
                or(request.style(), base.style()));
        if (problems.isEmpty()) {
            problems.addAll(ThemeRules.problems(theme));
        }
        if (!problems.isEmpty()) {
            throw new SlideoException(ErrorCode.INVALID_FIELD, String.join("; ", problems));
        }
        return theme;
    }

    private static void positive(String field, Integer value, List<String> problems) {
        if (value != null && value <= 0) {
            problems.add(field + " must be a positive size in points, not " + value);
        }
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value.strip();
    }

    private static Theme read(CustomTheme row) {
        try {
            return JSON.readValue(row.definition, Theme.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored theme " + row.id + " is unreadable", e);
        }
    }

    private static String write(Theme theme) {
        try {
            return JSON.writeValueAsString(theme);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
