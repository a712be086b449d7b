package io.slideo.slide.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.slideo.model.deck.PlannedSlide;
import io.slideo.model.error.ErrorCode;
import io.slideo.model.error.SlideoException;
import io.slideo.model.event.DeckCompleted;
import io.slideo.model.event.DeckPlanned;
import io.slideo.model.event.GenerationRequested;
import io.slideo.model.event.SlideGenerated;
import io.slideo.model.event.TokenUsage;
import io.slideo.model.event.Topic;
import io.slideo.model.ws.DeckComplete;
import io.slideo.model.ws.PlanResponse;
import io.slideo.model.ws.SlideComplete;
import io.slideo.outbox.Outbox;
import io.slideo.slide.domain.Deck;
import io.slideo.slide.domain.DeckRequest;
import io.slideo.slide.domain.DeckStatus;
import io.slideo.slide.domain.Generation;
import io.slideo.slide.domain.GenerationStatus;
import io.slideo.slide.domain.JsonColumns;
import io.slideo.slide.domain.Slide;
import io.slideo.slide.domain.SlideVersion;
import io.slideo.slide.repository.DeckRepository;
import io.slideo.slide.repository.DeckRequestRepository;
import io.slideo.slide.repository.GenerationRepository;
import io.slideo.slide.repository.SlideRepository;
import io.slideo.slide.repository.SlideVersionRepository;
import io.slideo.slide.service.export.LiveSlides;
import io.smallrye.mutiny.Uni;

/** Decks from plans, generation runs, and the slide versions they write. */
@ApplicationScoped
public class DeckService {
    private final DeckRepository decks;
    private final SlideRepository slides;
    private final SlideVersionRepository versions;
    private final GenerationRepository generations;
    private final DeckRequestRepository deckRequests;
    private final GenerationQuota quota;
    private final Outbox outbox;
    private final LiveSlides live;

    DeckService(DeckRepository decks, SlideRepository slides, SlideVersionRepository versions,
            GenerationRepository generations, DeckRequestRepository deckRequests, GenerationQuota quota, Outbox outbox,
            LiveSlides live) {
        this.decks = decks;
        this.slides = slides;
        this.versions = versions;
        this.generations = generations;
        this.deckRequests = deckRequests;
        this.quota = quota;
        this.outbox = outbox;
        this.live = live;
    }

    /**
     * Inside the consumer's transaction: creates the deck, or updates it to a newer plan revision (the
     * written slides follow the edit); a deck asked for in one go gets its slides requested now.
     */
    public Uni<Void> applyPlan(String userId, DeckPlanned planned) {
        UUID deckId = UUID.fromString(planned.deckId());
        return deckRequests.lockDeck(deckId).chain(() -> decks.findById(deckId)).chain(existing -> {
            if (existing != null && existing.planRevision >= planned.revision()) {
                Log.debugf("Deck %s already has plan revision %d", deckId, existing.planRevision);
                return Uni.createFrom().voidItem();
            }
            List<PlannedSlide> before = existing == null ? List.of() : JsonColumns.plannedSlides(existing);
            Deck deck = existing != null ? existing : newDeck(deckId, userId);
            deck.title = planned.title() == null || planned.title().isBlank() ? "Untitled deck" : planned.title();
            deck.description = planned.description();
            deck.theme = JsonColumns.write(planned.theme());
            deck.documentIds = JsonColumns.write(planned.documentIds());
            deck.plannedSlides = JsonColumns.write(planned.slides());
            deck.planRevision = planned.revision();
            deck.updatedAt = Instant.now();
            Uni<Deck> saved = existing != null ? followEdit(deck, before, planned.slides()) : decks.persist(deck);
            return saved.chain(d -> outbox.notifyUser(userId, planned.requestId(), new PlanResponse(planned.deckId(),
                    planned.deckId(), d.title, planned.theme() == null ? null : planned.theme().id(), planned.slides())))
                    .invoke(() -> Log.infof("Deck %s planned with %d slides (revision %d) for user %s", deckId,
                            planned.slides().size(), planned.revision(), userId))
                    .chain(() -> deckRequests.findById(deckId))
                    .chain(request -> request == null || request.generationId != null ? Uni.createFrom().voidItem()
                            : startRequested(deck, request));
        });
    }

    /**
     * Inside the request's transaction: remembers a deck asked for in one go (counted again against the
     * user's quota, now under its lock); if its plan already arrived (a fast worker), its slides are
     * requested at once.
     */
    public Uni<Void> rememberRequest(String userId, UUID deckId, String requestId, String model) {
        return quota.admit(userId).chain(() -> deckRequests.lockDeck(deckId)).chain(() -> {
            DeckRequest request = new DeckRequest();
            request.deckId = deckId;
            request.userId = userId;
            request.requestId = requestId;
            request.model = model;
            request.createdAt = Instant.now();
            return deckRequests.persist(request);
        }).chain(request -> decks.findById(deckId).chain(deck -> deck == null ? Uni.createFrom().voidItem()
                : startRequested(deck, request)));
    }

    private Uni<Void> startRequested(Deck deck, DeckRequest request) {
        return startGeneration(deck, request.userId, request.requestId, List.of(), null, request.model)
                .invoke(generation -> {
            request.generationId = generation.id;
            Log.infof("Deck %s asked for in one go: generation %s requested", deck.id, generation.id);
        }).replaceWithVoid();
    }

    /** Asks the workers to write some or all planned slides, within the user's quota; answers with the stored run. */
    public Uni<Generation> requestGeneration(String userId, UUID deckId, String requestId, List<Integer> wanted,
            String instructions, String model) {
        return Panache.withTransaction(() -> decks.findOwned(deckId, userId)
                .onItem().ifNull().failWith(() -> SlideoException.notFound("Deck", deckId))
                .call(deck -> quota.admit(userId))
                .chain(deck -> startGeneration(deck, userId, requestId, wanted, instructions, model)))
                .invoke(g -> Log.infof("Generation %s of deck %s requested by user %s", g.id, deckId, userId));
    }

    private Uni<Generation> startGeneration(Deck deck, String userId, String requestId, List<Integer> wanted,
            String instructions, String model) {
        List<PlannedSlide> planned = JsonColumns.plannedSlides(deck);
        List<PlannedSlide> chosen = choose(planned, wanted);
        Generation generation = newGeneration(deck, userId, requestId, chosen, instructions);
        generation.model = model;
        deck.status = DeckStatus.GENERATING;
        deck.failureCode = null; // a new run: an earlier failure is history
        deck.failureMessage = null;
        deck.updatedAt = Instant.now();
        return generations.persist(generation)
                .call(g -> outbox.publish(Topic.GENERATION_REQUESTED, deck.id.toString(), userId,
                        new GenerationRequested(deck.id.toString(), g.id.toString(), requestId, deck.title,
                                JsonColumns.theme(deck), JsonColumns.documentIds(deck), chosen, instructions,
                                model)));
    }

    /** Inside the consumer's transaction: stores the slide as a new version, once per generation run. */
    public Uni<Void> recordSlide(SlideGenerated written) {
        UUID generationId = UUID.fromString(written.generationId());
        return generations.lock(generationId).chain(generation -> {
            if (generation == null) {
                Log.warnf("Slide for unknown generation %s ignored", generationId);
                return Uni.createFrom().voidItem();
            }
            return slideAt(generation.deckId, written.slideIndex())
                    .chain(slide -> versions.exists(slide.id, generationId).chain(already -> {
                        if (already) {
                            Log.debugf("Slide %d of generation %s already stored", written.slideIndex(), generationId);
                            return Uni.createFrom().voidItem();
                        }
                        SlideVersion version = newVersion(slide, generation, written);
                        slide.currentVersion = version.version;
                        return versions.persistAndFlush(version)
                                .chain(() -> versions.countOfGeneration(generationId))
                                .chain(stored -> live.fragment(generation.userId, generation.deckId, written.slideIndex())
                                        .chain(html -> outbox.notifyUser(generation.userId, generation.requestId,
                                                new SlideComplete(written.deckId(), written.generationId(),
                                                        written.slideIndex(), version.version, version.title,
                                                        stored.intValue(), JsonColumns.slideIndexes(generation).size(),
                                                        html))))
                                .chain(() -> completeIfDone(generation));
                    }));
        });
    }

    /** Inside the consumer's transaction: the worker finished; the run completes once every slide is stored. */
    public Uni<Void> recordCompletion(DeckCompleted completed) {
        return generations.lock(UUID.fromString(completed.generationId())).chain(generation -> {
            if (generation == null) {
                Log.warnf("Completion of unknown generation %s ignored", completed.generationId());
                return Uni.createFrom().voidItem();
            }
            generation.workerFinished = true;
            return decks.findById(generation.deckId).invoke(deck -> recordUsage(deck, completed.usage()))
                    .chain(() -> completeIfDone(generation));
        });
    }

    /**
     * The deck's last writer and its tokens so far; the worker reports running totals, so the larger
     * figure wins whatever order completions arrive in.
     */
    private static void recordUsage(Deck deck, TokenUsage usage) {
        if (deck == null) {
            return;
        }
        deck.generator = usage.generator();
        deck.inputTokens = Math.max(deck.inputTokens, usage.inputTokens());
        deck.outputTokens = Math.max(deck.outputTokens, usage.outputTokens());
    }

    /** The written slides follow an edited plan: kept slides move with it, the rest are retired. */
    private Uni<Deck> followEdit(Deck deck, List<PlannedSlide> before, List<PlannedSlide> after) {
        Map<Integer, Integer> moves = PlanChanges.moves(before, after);
        return slides.lockLive(deck.id).chain(live -> {
            if (live.isEmpty()) {
                return Uni.createFrom().item(deck);
            }
            List<Slide> moving = new ArrayList<>();
            Instant now = Instant.now();
            for (Slide slide : live) {
                Integer target = moves.get(slide.slideIndex);
                if (target == null) {
                    slide.retiredAt = now;
                } else if (target != slide.slideIndex) {
                    moving.add(slide);
                    slide.slideIndex = -1 - slide.slideIndex; // off the board first: positions are unique
                }
            }
            Set<Integer> filled = live.stream().filter(s -> s.retiredAt == null)
                    .map(s -> s.slideIndex < 0 ? moves.get(-1 - s.slideIndex) : s.slideIndex)
                    .collect(Collectors.toSet());
            if (deck.status == DeckStatus.COMPLETE && filled.size() < after.size()) {
                deck.status = DeckStatus.PLANNED; // some planned slides are not written yet
            }
            Log.infof("Deck %s follows plan revision %d: %d slides kept (%d moved), %d retired", deck.id,
                    deck.planRevision, filled.size(), moving.size(), live.size() - filled.size());
            return slides.flush().invoke(() -> moving.forEach(s -> s.slideIndex = moves.get(-1 - s.slideIndex)))
                    .chain(() -> slides.flush()).replaceWith(deck);
        });
    }

    private Uni<Void> completeIfDone(Generation generation) {
        if (generation.status == GenerationStatus.COMPLETE || !generation.workerFinished) {
            return Uni.createFrom().voidItem();
        }
        int expected = JsonColumns.slideIndexes(generation).size();
        return versions.countOfGeneration(generation.id).chain(stored -> {
            if (stored < expected) {
                return Uni.createFrom().voidItem();
            }
            generation.status = GenerationStatus.COMPLETE;
            generation.completedAt = Instant.now();
            return decks.findById(generation.deckId).chain(deck -> {
                deck.status = DeckStatus.COMPLETE;
                deck.failureCode = null; // a failed run replayed from its dead letter, finished after all
                deck.failureMessage = null;
                deck.updatedAt = Instant.now();
                Log.infof("Generation %s of deck %s complete with %d slides", generation.id, deck.id, expected);
                return outbox.notifyUser(generation.userId, generation.requestId,
                        new DeckComplete(deck.id.toString(), generation.id.toString(), expected));
            });
        });
    }

    private Uni<Slide> slideAt(UUID deckId, int index) {
        return slides.lockAt(deckId, index).chain(slide -> {
            if (slide != null) {
                return Uni.createFrom().item(slide);
            }
            Slide created = new Slide();
            created.id = UUID.randomUUID();
            created.deckId = deckId;
            created.slideIndex = index;
            created.currentVersion = 0;
            return slides.persist(created);
        });
    }

    private static List<PlannedSlide> choose(List<PlannedSlide> planned, List<Integer> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return planned;
        }
        Set<Integer> known = planned.stream().map(PlannedSlide::index).collect(Collectors.toSet());
        List<Integer> unknown = wanted.stream().filter(i -> !known.contains(i)).toList();
        if (!unknown.isEmpty()) {
            throw new SlideoException(ErrorCode.INVALID_FIELD, "slideIndexes " + unknown + " are not slides of this deck"
                    + " (it has " + planned.size() + ")");
        }
        Set<Integer> set = Set.copyOf(wanted);
        return planned.stream().filter(p -> set.contains(p.index())).toList();
    }

    private static Deck newDeck(UUID id, String userId) {
        Deck deck = new Deck();
        deck.id = id;
        deck.userId = userId;
        deck.status = DeckStatus.PLANNED;
        deck.createdAt = Instant.now();
        return deck;
    }

    private static Generation newGeneration(Deck deck, String userId, String requestId, List<PlannedSlide> chosen,
            String instructions) {
        Generation generation = new Generation();
        generation.id = UUID.randomUUID();
        generation.deckId = deck.id;
        generation.userId = userId;
        generation.requestId = requestId;
        generation.slideIndexes = JsonColumns.write(chosen.stream().map(PlannedSlide::index).toList());
        generation.instructions = instructions;
        generation.status = GenerationStatus.RUNNING;
        generation.createdAt = Instant.now();
        return generation;
    }

    private static SlideVersion newVersion(Slide slide, Generation generation, SlideGenerated written) {
        SlideVersion version = new SlideVersion();
        version.id = UUID.randomUUID();
        version.slideId = slide.id;
        version.version = slide.currentVersion + 1;
        version.generationId = generation.id;
        version.title = written.title();
        version.layout = written.layout().name();
        version.bullets = JsonColumns.write(written.bullets());
        version.secondColumn = written.secondColumn().isEmpty() ? null : JsonColumns.write(written.secondColumn());
        version.tableRows = written.table().isEmpty() ? null : JsonColumns.write(written.table());
        version.tableSource = written.tableSource() == null ? null : JsonColumns.write(written.tableSource());
        version.figure = written.figure() == null ? null : JsonColumns.write(written.figure());
        version.quality = written.quality() == null ? null : JsonColumns.write(written.quality());
        version.notes = written.notes();
        version.generator = written.generator();
        version.reason = generation.instructions == null || generation.instructions.isBlank() ? "generated"
                : generation.instructions;
        version.createdBy = generation.userId;
        version.createdAt = Instant.now();
        return version;
    }
}
