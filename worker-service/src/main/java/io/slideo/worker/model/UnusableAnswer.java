package io.slideo.worker.model;

import java.util.List;

/** The model answered, but even after the repair prompts and retries not with the JSON asked for. */
public class UnusableAnswer extends RuntimeException {
    private final List<String> problems;

    public UnusableAnswer(String template, List<String> problems) {
        super("The model's answers to " + template + " could not be used: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
