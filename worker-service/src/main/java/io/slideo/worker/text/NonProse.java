package io.slideo.worker.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells text that is not prose from prose: source code, markup, what a parser left behind (footnote
 * markers, Word field codes) and fragments with nothing to say. A slide built from any of them shows
 * the audience the document's plumbing.
 */
public final class NonProse {
    private static final Pattern CODE = Pattern.compile(
            "[{}]|=>|->\\s*\\w|\\w\\(\\)|\\w\\([^()]*\\)\\s*;|[)\\]'\"]\\s*;\\s*$|\\w\\s*=\\s*[^;=]+;\\s*$"
                    + "|(?i:\\bpublic\\s+static\\b)|\\b(public|private|protected)\\s+(final|void|class|abstract|interface|enum)\\b"
                    + "|\\b(private|protected)\\s+\\w+\\s+\\w+\\s*[;=(]|^\\s*(\\$\\s+\\w|>>>|#!|//|/\\*)"
                    + "|\\b(import|package)\\s+[\\w.]+;|\\b(var|let|const|def|func|fn)\\s+\\w+\\s*[=(]"
                    + "|\\w\\s*(==|!=|&&|\\|\\||\\+=|::)\\s*\\w"
                    // a regular expression or a rewrite rule: "^(.*)$", "[L,QSA]"
                    + "|\\(\\.[*+]\\)|\\^\\S*\\$(?=\\s|$)|\\[[A-Z]{1,3}(,[A-Z]{1,3})+\\]");
    // camelCase, snake_case, dotted.names and path/like/words: one is a product name, many are code.
    private static final Pattern IDENTIFIER = Pattern.compile(
            "\\p{Ll}+\\p{Lu}\\w*|\\w+_\\w+|\\p{L}\\w*\\.\\p{L}\\w*\\.\\w+|\\w+\\.(js|py|java|json|yml|yaml|xml|ts|sh)|\\w*/\\w+/\\w*");
    private static final Pattern MARKUP = Pattern.compile(
            "\\*\\*|__|`|^\\s*#{1,6}\\s|\\[[^\\]]*\\]\\([^)]*\\)|</?\\p{Alpha}[\\w-]*(\\s[^<>]*)?/?>|^\\s*>\\s|\\|.*\\|.*\\||"
                    + "^\\s*[-*+]\\s+\\[[ xX]\\]|^\\s*[+*]\\s|(^|\\s)\\*[^\\s*][^*]*[^\\s*]\\*(?=[\\s.,;:]|$)|^\\s*(-{3,}|={3,}|\\*{3,})\\s*$|&(amp|lt|gt|nbsp|quot);");
    private static final Pattern ARTEFACT = Pattern.compile(
            "\\[(footnoteRef|endnoteRef|footnote|endnote|comment|annotation)\\s*:[^\\]]*\\]"
                    // Field codes are written in capitals: "This is a hyperlink" is a sentence about one.
                    + "|(?-i:\\b(HYPERLINK|PAGEREF|NOTEREF|MERGEFORMAT|MERGEFIELD|INCLUDEPICTURE|FORMTEXT|FORMCHECKBOX)\\b)"
                    + "|\\bTOC\\s+\\\\[a-z]|\\bREF\\s+_Ref|\\bSEQ\\s+\\w+\\s+\\\\|_Toc\\d+|\\[(image|img|graphic|pic)\\s*:?[^\\]]*\\]",
            Pattern.CASE_INSENSITIVE);
    // Three or more bare numbers in a row ("1 2 10 50"): a chart's axis or a table's row, not a sentence.
    private static final Pattern NUMBER_RUN = Pattern.compile("(?<!\\S)\\d[\\d.%]*(?:\\s+\\d[\\d.%]*){2,}(?!\\S)");
    private static final Pattern NUMBER = Pattern.compile("[-+\u2212]?[\\d.,:%/\u2013-]*\\d[\\d.,:%/\u2013-]*");
    // Verbs a short English line needs to say something ("Costs rose", "Use a cache" are allowed by their ending
    // or their first word); a line of three or fewer words without one is a label, not a point.
    private static final Set<String> COMMON_VERBS = Set.of("is", "are", "was", "were", "be", "been", "has", "have",
            "had", "do", "does", "did", "can", "will", "may", "must", "should", "could", "would", "make", "makes",
            "use", "uses", "need", "needs", "get", "gets", "keep", "keeps", "avoid", "take", "takes", "give", "gives",
            "run", "runs", "grow", "grows", "rose", "fell", "went", "came", "made", "took", "gave", "found", "became");
    // A whole line in brackets or parentheses: a reference or an aside standing alone.
    private static final Pattern ENCLOSED = Pattern.compile("^[\\[(][^\\[\\]()]*(?:[\\[(][^\\[\\]()]*[\\])][^\\[\\]()]*)*[\\])][.;,]?$");
    private static final Pattern AFFILIATION = Pattern.compile(
            "(?<!\\p{L})(Department|Dept\\.|School|Faculty|Institute|Laboratory|Centre|Center) (of|for)\\b|(?<!\\p{L})Universit(y|ät|é|à|ad)\\b");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z'\u2019-]*");

    private NonProse() {
    }

    /** Source code or a shell line: braces, a statement's semicolon, calls, arrows, declarations, identifier soup. */
    public static boolean isCode(String text) {
        if (CODE.matcher(text).find()) {
            return true;
        }
        String[] tokens = text.trim().split("\\s+");
        long identifiers = Arrays.stream(tokens)
                .filter(t -> IDENTIFIER.matcher(t.replaceAll("^[\\p{Punct}]+|[\\p{Punct}&&[^_]]+$", "")).matches()).count();
        return identifiers >= 2 && identifiers * 4 >= tokens.length || identifiers >= 3;
    }

    /** Markdown or HTML left in the text: emphasis marks, backticks, headings, links, tags, quotes, tables. */
    public static boolean isMarkup(String text) {
        return MARKUP.matcher(text).find();
    }

    /** What a parser leaves of a document's machinery: footnote and comment markers, Word field codes. */
    public static boolean isParserArtefact(String text) {
        return ARTEFACT.matcher(text).find();
    }

    /**
     * A line with nothing to say: more numbers than words, a run of bare numbers, or (in a Latin script) three words or fewer without a
     * verb, like a label or heading caught as a sentence.
     */
    public static boolean isFragment(String text) {
        String[] tokens = text.trim().split("\\s+");
        long numbers = Arrays.stream(tokens).filter(t -> NUMBER.matcher(t.replaceAll("[()\\[\\]]", "")).matches())
                .count();
        if (numbers * 2 > tokens.length || NUMBER_RUN.matcher(text).find()) {
            return true;
        }
        // A line that starts with an ellipsis goes on from something the slide does not say.
        if (ENCLOSED.matcher(text.trim()).matches() || isHeadingOrNames(tokens) || isSaidTwice(tokens)
                || isSaidTwice(label(text)) || isAffiliation(text, tokens)
                || text.trim().matches("^(\u2026|\\.{3}).*")) {
            return true;
        }
        return tokens.length <= 3 && LATIN_WORD.matcher(tokens[0]).lookingAt() && !hasVerb(tokens);
    }

    // The words before a sentence's first colon ("Employer Responsibilities Employer Responsibilities: The
    // following list…"): a heading the parser ran into the sentence it opens; empty without a colon.
    private static String[] label(String text) {
        int colon = text.indexOf(": ");
        return colon < 0 ? new String[0] : text.substring(0, colon).trim().split("\\s+");
    }

    // "Employer Responsibilities Employer Responsibilities": a heading a PDF printed twice (margin and body).
    private static boolean isSaidTwice(String[] tokens) {
        int half = tokens.length / 2;
        return tokens.length % 2 == 0 && half > 0 && String.join(" ", Arrays.copyOfRange(tokens, 0, half))
                .equalsIgnoreCase(String.join(" ", Arrays.copyOfRange(tokens, half, tokens.length)));
    }

    // In capitals, or every longer word capitalised without a verb: a heading or a list of names, not a point.
    private static boolean isHeadingOrNames(String[] tokens) {
        int longWords = 0;
        int capitalised = 0;
        int shouted = 0;
        for (String token : tokens) {
            String word = token.replaceAll("[^\\p{L}]", "");
            if (word.length() >= 4 && LATIN_WORD.matcher(word).matches()) {
                longWords++;
                capitalised += Character.isUpperCase(word.charAt(0)) ? 1 : 0;
                shouted += word.equals(word.toUpperCase(Locale.ROOT)) ? 1 : 0;
            }
        }
        return longWords >= 3 && (shouted == longWords || capitalised == longWords && !hasVerb(tokens));
    }

    // "1Department of Electrical and Computer Engineering University of Illinois, Chicago, USA": where the
    // authors work. In it "Engineering" is a name, not a verb: only words in lower case can be the verb.
    private static boolean isAffiliation(String text, String[] tokens) {
        return AFFILIATION.matcher(text).find() && !text.trim().matches(".*[.!?]$") && !hasVerb(lowerCase(tokens));
    }

    // In a line of capitalised words, "Engineering" and "Computing" are names, not verbs: only the words
    // in lower case ("is", "provides") can be the verb.
    private static String[] lowerCase(String[] tokens) {
        return Arrays.stream(tokens).map(t -> t.isEmpty() || !Character.isUpperCase(t.codePointAt(0)) ? t : "")
                .toArray(String[]::new);
    }

    private static boolean hasVerb(String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            String word = tokens[i].replaceAll("[^\\p{L}']", "").toLowerCase(Locale.ROOT);
            if (COMMON_VERBS.contains(word) || word.endsWith("n't") || i > 0 && word.matches(".{3,}(ed|es|ing)")
                    || i > 0 && word.matches(".{3,}[^s]s") && tokens.length == 2) {
                return true;
            }
        }
        return false;
    }
}
