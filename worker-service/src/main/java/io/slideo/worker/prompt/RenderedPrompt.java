package io.slideo.worker.prompt;

/** A template filled in: the system and user messages to send, and the template they came from. */
public record RenderedPrompt(PromptTemplate template, String system, String user) {
}
