package io.slideo.worker.prompt;

/** A call to a template left out one of its required variables; raised before anything is sent. */
public class MissingPromptVariable extends IllegalArgumentException {
    private final String template;
    private final String variable;

    public MissingPromptVariable(String template, String variable) {
        super("Prompt template " + template + " needs the variable '" + variable + "', which was not given");
        this.template = template;
        this.variable = variable;
    }

    public String template() {
        return template;
    }

    public String variable() {
        return variable;
    }
}
