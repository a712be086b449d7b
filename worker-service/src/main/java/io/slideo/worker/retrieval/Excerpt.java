package io.slideo.worker.retrieval;

/**
 * A chunk of a document given to the model for one slide, numbered {@code id} within that prompt,
 * with where it is ({@code where}, as the prompt shows it) so the model can cite it and the slide can
 * keep its pages.
 */
public record Excerpt(int id, String documentId, int section, int pageStart, int pageEnd, String where, String text) {
}
