package io.slideo.model.event;

/**
 * Every Kafka topic of the suite. A topic is {@code <context>.<event>.v<major>}; the event type
 * carried in the envelope is the topic without its version. Fields are only ever added to a
 * payload; a breaking change is a new topic with the next major version.
 */
public enum Topic {
    DOCUMENT_UPLOADED("document.uploaded", 1, DocumentUploaded.class),
    DOCUMENT_EXTRACTED("document.extracted", 1, DocumentExtracted.class),
    DOCUMENT_FAILED("document.failed", 1, DocumentFailed.class),
    PLAN_REQUESTED("plan.requested", 1, PlanRequested.class),
    PLAN_DRAFTED("plan.drafted", 1, PlanDrafted.class),
    PLAN_FAILED("plan.failed", 1, PlanFailed.class),
    DECK_PLANNED("deck.planned", 1, DeckPlanned.class),
    GENERATION_REQUESTED("deck.generation-requested", 1, GenerationRequested.class),
    SLIDE_GENERATED("slide.generated", 1, SlideGenerated.class),
    DECK_COMPLETED("deck.completed", 1, DeckCompleted.class),
    GENERATION_FAILED("deck.generation-failed", 1, GenerationFailed.class),
    RESEARCH_REQUESTED("research.requested", 1, ResearchRequested.class),
    RESEARCH_COMPLETED("research.completed", 1, ResearchCompleted.class),
    NOTIFICATION("notification", 1, Notification.class);

    private final String eventType;
    private final int version;
    private final Class<?> payloadType;

    Topic(String eventType, int version, Class<?> payloadType) {
        this.eventType = eventType;
        this.version = version;
        this.payloadType = payloadType;
    }

    /** The Kafka topic name, e.g. {@code document.uploaded.v1}. */
    public String topicName() {
        return eventType + ".v" + version;
    }

    /** Where work that keeps failing on this topic ends up, with its reason. */
    public String deadLetterTopicName() {
        return topicName() + ".dlq";
    }

    public String eventType() {
        return eventType;
    }

    public int version() {
        return version;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public static Topic ofTopicName(String name) {
        for (Topic topic : values()) {
            if (topic.topicName().equals(name)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("Unknown topic " + name);
    }
}
