package io.slideo.content.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.slideo.content.api.PlanEdit;
import io.slideo.content.api.PlanRequest;
import io.slideo.content.client.DocumentServiceClient;
import io.slideo.content.client.DocumentServiceClient.DocumentSummary;
import io.slideo.content.config.ContentConfig;
import io.slideo.content.domain.Plan;
import io.slideo.content.domain.PlanStatus;
import io.slideo.content.repository.PlanRepository;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.EventCodec;
import io.slideo.model.event.PlanDrafted;
import io.slideo.model.event.PlanFailed;
import io.slideo.model.event.PlanRequested;
import io.slideo.model.event.Topic;
import io.slideo.model.theme.Theme;
import io.slideo.model.ws.ErrorResponse;
import io.slideo.outbox.Outbox;
import io.slideo.runtime.client.UpstreamFailures;
import io.smallrye.mutiny.Uni;

/** Content plans: asked for by a user, drafted by a worker, edited by the user, then the definition of a deck. */
@ApplicationScoped
public class PlanService {
    private static final ObjectMapper JSON = EventCodec.newMapper();

    private final PlanRepository plans;
    private final ThemeCatalog catalog;
    private final ThemeService themes;
    private final Outbox outbox;
    private final DocumentServiceClient documentService;
    private final ContentConfig config;

    PlanService(PlanRepository plans, ThemeCatalog catalog, ThemeService themes, Outbox outbox,
            @RestClient DocumentServiceClient documentService, ContentConfig config) {
        this.plans = plans;
        this.catalog = catalog;
        this.themes = themes;
        this.outbox = outbox;
        this.documentService = documentService;
        this.config = config;
    }

    /** Checks the request against the user's own documents and themes, then stores it and asks a worker to draft it. */
    public Uni<Plan> request(String userId, String bearerToken, String requestId, PlanRequest request) {
        String themeId = request.themeId() == null || request.themeId().isBlank() ? config.defaultThemeId()
                : request.themeId();
        List<String> documentIds = request.documentIds().stream().distinct().toList();
        int slideCount = request.slideCount() == null ? config.defaultSlideCount() : request.slideCount();
        return themes.find(userId, themeId)
                .call(() -> checkDocumentsAreReady(documentIds, bearerToken))
                .chain(theme -> Panache.withTransaction(() -> {
                    Plan plan = newPlan(userId, requestId, request, theme, documentIds, slideCount);
                    return plans.persist(plan).call(saved -> outbox.publish(Topic.PLAN_REQUESTED, saved.id.toString(),
                            userId, new PlanRequested(saved.id.toString(), requestId, saved.description,
                                    saved.slideCount, documentIds, themeId, saved.research,
                                    blankToNull(request.model()))));
                }))
                .invoke(plan -> Log.infof("Plan %s requested by user %s over %d documents", plan.id, userId,
                        documentIds.size()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @WithSession
    public Uni<Plan> get(String userId, UUID id) {
        return plans.findOwned(id, userId).onItem().ifNull().failWith(() -> SlideoException.notFound("Plan", id));
    }

    @WithSession
    public Uni<List<Plan>> list(String userId) {
        return plans.listOwned(userId, config.listLimit());
    }

    /**
     * Stores the user's edit as the next revision and announces it (deck.planned.v1), so the deck
     * follows it and the user gets the edited plan back as a plan_response.
     */
    public Uni<Plan> edit(String userId, String requestId, UUID id, PlanEdit edit) {
        if (edit == null) {
            return Uni.createFrom().failure(new SlideoException(ErrorCode.INVALID_FIELD,
                    "An edit needs a JSON body with the slide list"));
        }
        String newTitle = PlanEdits.deckTitle(edit);
        String newThemeId = PlanEdits.themeId(edit);
        Uni<Theme> newTheme = newThemeId == null ? Uni.createFrom().nullItem() : themes.find(userId, newThemeId);
        return newTheme.chain(theme -> Panache.withTransaction(() -> plans.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(plan -> {
                    if (plan == null || !plan.userId.equals(userId)) {
                        return Uni.createFrom().failure(SlideoException.notFound("Plan", id));
                    }
                    if (plan.status != PlanStatus.READY) {
                        return Uni.createFrom().failure(new SlideoException(ErrorCode.CONFLICT, "Plan " + id
                                + " is still being drafted; edit it once its plan_response arrives"));
                    }
                    if (edit.revision() != null && edit.revision() != plan.revision) {
                        return Uni.createFrom().failure(new SlideoException(ErrorCode.CONFLICT, "Plan " + id
                                + " is at revision " + plan.revision + ", not " + edit.revision()
                                + "; read it again and redo the edit"));
                    }
                    List<PlannedSlide> slides = PlanEdits.keepFigures(PlanEdits.slides(edit, documentIds(plan)),
                            slides(plan));
                    if (newTitle != null) {
                        plan.title = newTitle;
                    }
                    if (theme != null) {
                        plan.themeId = theme.id();
                        plan.theme = write(theme);
                    }
                    plan.slides = write(slides);
                    plan.slideCount = slides.size();
                    plan.revision++;
                    plan.updatedAt = Instant.now();
                    Log.infof("Plan %s edited by user %s: %d slides (revision %d)", plan.id, userId, slides.size(),
                            plan.revision);
                    return announce(plan, requestId, slides).replaceWith(plan);
                })));
    }

    /** Inside the consumer's transaction: the outline is stored and the deck it defines announced. */
    public Uni<Void> recordDraft(PlanDrafted drafted) {
        return plans.findById(UUID.fromString(drafted.planId()), LockModeType.PESSIMISTIC_WRITE).chain(plan -> {
            if (plan == null) {
                Log.warnf("Draft for unknown plan %s ignored", drafted.planId());
                return Uni.createFrom().voidItem();
            }
            if (plan.status == PlanStatus.READY) {
                // A second draft (the request was redelivered to a worker) must not undo the user's edits.
                Log.infof("Plan %s already drafted; later draft ignored", plan.id);
                return Uni.createFrom().voidItem();
            }
            plan.title = drafted.title();
            plan.slides = write(drafted.slides());
            plan.generator = drafted.generator();
            plan.status = PlanStatus.READY;
            plan.failureCode = null; // a draft that arrives after the plan was failed still counts
            plan.failureMessage = null;
            plan.revision++;
            plan.updatedAt = Instant.now();
            Log.infof("Plan %s drafted with %d slides (revision %d)", plan.id, drafted.slides().size(), plan.revision);
            return announce(plan, plan.requestId, drafted.slides());
        });
    }

    /**
     * Inside the consumer's transaction: a worker could not draft the plan. It is marked failed with
     * the reason, and its user told; a plan already drafted (a late failure of a redelivery) stays.
     */
    public Uni<Void> recordFailure(String userId, PlanFailed failed) {
        return plans.findById(UUID.fromString(failed.planId()), LockModeType.PESSIMISTIC_WRITE).chain(plan -> {
            if (plan == null || plan.status == PlanStatus.READY) {
                Log.infof("Failure of plan %s ignored: %s", failed.planId(), plan == null ? "unknown" : "already drafted");
                return Uni.createFrom().voidItem();
            }
            plan.status = PlanStatus.FAILED;
            plan.failureCode = failed.code().name();
            plan.failureMessage = failed.message();
            plan.updatedAt = Instant.now();
            Log.infof("Plan %s failed: %s %s", plan.id, failed.code(), failed.message());
            return outbox.notifyUser(userId, failed.requestId(),
                    new ErrorResponse(failed.code(), failed.message(), failed.code().retryable(), failed.requestId()));
        });
    }

    private Uni<Void> announce(Plan plan, String requestId, List<PlannedSlide> slides) {
        return outbox.publish(Topic.DECK_PLANNED, plan.id.toString(), plan.userId,
                new DeckPlanned(plan.id.toString(), requestId, plan.revision, plan.title, plan.description,
                        theme(plan), documentIds(plan), slides));
    }

    /** The plan's theme snapshot; plans stored before snapshots existed look theirs up in the catalog. */
    public Theme theme(Plan plan) {
        if (plan.theme != null) {
            return read(plan.theme, new TypeReference<>() {
            });
        }
        return catalog.find(plan.themeId).orElseGet(() -> catalog.find(config.defaultThemeId()).orElseThrow());
    }

    public static List<String> documentIds(Plan plan) {
        return read(plan.documentIds, new TypeReference<>() {
        });
    }

    public static List<PlannedSlide> slides(Plan plan) {
        return plan.slides == null ? List.of() : read(plan.slides, new TypeReference<>() {
        });
    }

    private Uni<Void> checkDocumentsAreReady(List<String> documentIds, String bearerToken) {
        List<Uni<DocumentSummary>> checks = documentIds.stream()
                .map(id -> documentService.get(id, "Bearer " + bearerToken)
                        .onFailure().transform(e -> documentFailure(id, e)))
                .toList();
        return Uni.join().all(checks).andFailFast().invoke(documents -> {
            for (DocumentSummary document : documents) {
                if ("uploaded".equals(document.status())) {
                    throw new SlideoException(ErrorCode.CONFLICT, "Document " + document.id()
                            + " is still being read; ask again once its file_processed message arrives");
                }
                if ("failed".equals(document.status())) {
                    throw new SlideoException(ErrorCode.INVALID_FIELD, "Document " + document.id()
                            + " could not be read (" + document.errorCode() + "): " + document.errorMessage());
                }
            }
        }).replaceWithVoid();
    }

    private static Throwable documentFailure(String id, Throwable e) {
        if (e instanceof SlideoException refused && refused.code() == ErrorCode.NOT_FOUND) {
            return SlideoException.notFound("Document", id);
        }
        return UpstreamFailures.translate("document-service", e);
    }

    private static Plan newPlan(String userId, String requestId, PlanRequest request, Theme theme,
            List<String> documentIds, int slideCount) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.userId = userId;
        plan.requestId = requestId;
        plan.status = PlanStatus.DRAFTING;
        plan.description = request.description() == null ? "" : PlanEdits.multiLine(request.description());
        plan.slideCount = slideCount;
        plan.themeId = theme.id();
        plan.theme = write(theme);
        plan.documentIds = write(documentIds);
        plan.research = Boolean.TRUE.equals(request.research());
        plan.createdAt = Instant.now();
        plan.updatedAt = plan.createdAt;
        return plan;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable", e);
        }
    }
}
