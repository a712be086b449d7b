package io.slideo.slide.api;

/** What a model name in a request may look like: e.g. gpt-4o-mini, llama3.1:8b, qwen/qwen2.5-7b. */
final class ModelName {
    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:/@-]{0,99}";
    static final String MESSAGE = "must be a model name (letters, digits and . _ : / @ -, at most 100 characters)";

    private ModelName() {
    }
}
