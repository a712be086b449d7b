package io.slideo.worker.planning;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.slideo.worker.text.BulletText;
import io.slideo.worker.text.TextCleanup;

/**
 * Slide titles: the document's own heading, shortened by rules when too long; without a heading, the
 * salient clause of the slide's lead sentence. Never key phrases, never "Slide N", never a numbered
 * continuation: two slides that would share a title are told apart by what they say.
 */
final class SlideTitles {
    static final int TITLE_WORDS = 10;
    // A whole sentence this short may stand as a title (two lines at most) rather than be cut to a clause.
    private static final int LONGEST_SENTENCE_TITLE = 14;
    // "(continued)", "(cont.)", "(2)", "(1/3)", "– Part 2", "-1", " - 2": a continuation, not a name.
    private static final Pattern CONTINUATION = Pattern.compile(
            "(?iu)(\\s*[(\\[]\\s*(continued|cont'?d?\\.?|forts\\.|suite|\\d+(/\\d+)?)\\s*[)\\]]"
                    + "|\\s+[-\u2013\u2014:]?\\s*(part|teil)\\s+\\d+|\\s+[-\u2013\u2014]\\s*\\d{1,2})+\\s*$");
    // "3.2 ", "IV. ", "C-9. " numbers before the name; the name is what the slide says.
    private static final Pattern NUMBERING = Pattern.compile("^(\\d+(\\.\\d+)*\\.?|[IVXLC]+\\.|\\p{Lu}-\\d+\\.)\\s+(?=\\p{L})");
    // Relations, quantifiers and math italic letters ("𝑛 + 3"): a formula, not a name for a slide.
    private static final Pattern FORMULA = Pattern.compile(
            "[=\u2208\u2209\u2264\u2265\u2211\u222b\u2200\u2203\\x{1D400}-\\x{1D7FF}]|\\p{Alpha}\\s*[<>]\\s*\\p{Alnum}");
    private static final Pattern CLAUSE_END = Pattern.compile("[,;:\u2013\u2014]\\s|\\s-\\s");
    private static final Pattern LEADING_CLAUSE = Pattern.compile(
            "(?iu)^(when|while|although|though|because|since|after|before|once|whereas|as|in order to|to|by|in|on|at|for|with)\\b[^,]{3,80},\\s+(.+)$");

    // "VI", "12", "Chapter X": a chapter's number, which says where a slide stands but not what it is about.
    private static final Pattern BARE_NUMBER = Pattern.compile(
            "(?iu)^((chapter|chapitre|kapitel|cap[ií]tulo|part|book|глава)\\s+)?([IVXLCDM]{1,7}|\\d{1,3})\\.?$");

    private SlideTitles() {
    }

    /** Whether a heading is only a chapter's number ("VI", "Chapter 12"). */
    static boolean bareNumber(String heading) {
        return heading != null && BARE_NUMBER.matcher(heading.trim()).matches();
    }

    /** A heading as a title: without its number or continuation mark, shortened by rules when too long. */
    static String heading(String heading) {
        String title = base(heading);
        title = NUMBERING.matcher(title).replaceFirst("");
        title = unshouted(title);
        String written = BulletText.asWritten(title, TITLE_WORDS);
        // A heading a PDF's layout broke off mid-line ("Number of robots with") loses its dangling end.
        String whole = trimWeakEnd(written.isEmpty() ? title : written);
        return whole.isEmpty() ? title : whole;
    }

    /**
     * A heading set in capitals ("INTRODUCTION", "THE FUTURE OF IDEAS") as a title is written: each
     * word capitalised. A short one is left alone: it may be an acronym ("HTML", "IRS").
     */
    static String unshouted(String heading) {
        long letters = heading.codePoints().filter(Character::isLetter).count();
        boolean capitals = letters > 0 && heading.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        if (!capitals || letters < 6) {
            return heading;
        }
        StringBuilder title = new StringBuilder(heading.length());
        boolean start = true;
        for (int i = 0; i < heading.length(); i++) {
            char c = heading.charAt(i);
            title.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c) && c != '\'' && c != '\u2019';
        }
        return title.toString();
    }

    /** A heading without its continuation mark, for telling two parts of one section. */
    static String base(String heading) {
        return CONTINUATION.matcher(TextCleanup.normalize(heading)).replaceAll("").trim();
    }

    /**
     * What a sentence says, short enough for a title: the sentence itself when short, else its main
     * clause (a leading subordinate clause dropped, then up to the first clause break), never ending on
     * a dangling word; empty when nothing short and whole is left.
     */
    static String leadClause(String sentence) {
        if (FORMULA.matcher(sentence).find()) {
            return ""; // "where Zj-1 = …" names no topic a reader would recognise
        }
        String start = TextCleanup.normalize(sentence);
        if (start.isEmpty() || "([{".indexOf(start.charAt(0)) >= 0 || Character.isLowerCase(start.codePointAt(0))) {
            return ""; // "(USDA) that provides…", "motion, and…": the rest of a sentence, not one
        }
        String text = BulletText.asWritten(sentence, TITLE_WORDS);
        if (!text.isEmpty() && TextCleanup.wordCount(text) <= LONGEST_SENTENCE_TITLE) {
            return trimWeakEnd(text);
        }
        String clause = TextCleanup.normalize(sentence);
        var leading = LEADING_CLAUSE.matcher(clause);
        if (leading.matches()) {
            clause = leading.group(2);
        }
        var brk = CLAUSE_END.matcher(clause);
        while (brk.find()) {
            String head = clause.substring(0, brk.start()).trim();
            int words = TextCleanup.wordCount(head);
            if (words >= 3 && words <= TITLE_WORDS) {
                return capitalize(trimWeakEnd(head));
            }
            if (words > TITLE_WORDS) {
                break;
            }
        }
        return "";
    }

    /**
     * What a table's header names, as a title for a slide that has nothing else to be called: its
     * figures by its first column ("Number by month", "Sales and costs by region"); empty without a
     * header of named columns.
     */
    static String ofTable(List<String> header) {
        List<String> names = header.stream().map(c -> c == null ? "" : quieter(TextCleanup.normalize(c))).toList();
        if (names.size() < 2 || names.stream().anyMatch(String::isBlank)) {
            return "";
        }
        List<String> figures = names.subList(1, names.size()).stream().map(SlideTitles::lowerFirst).toList();
        String measured = figures.size() <= 2 ? String.join(" and ", figures)
                : figures.get(0) + ", " + figures.get(1) + " and more";
        return capitalize(measured + " by " + lowerFirst(names.get(0)));
    }

    /** A column name in capitals ("MONTH", "ANNUAL INCOME") as a word; a short one may be an acronym ("GDP"). */
    private static String quieter(String name) {
        boolean shouted = name.codePoints().filter(Character::isLetter).count() >= 5
                && name.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        return shouted ? capitalize(name.toLowerCase(Locale.ROOT)) : name;
    }

    /** A capitalised common word in lower case; a name or an acronym as written. */
    private static String lowerFirst(String words) {
        String first = words.split("\\s+")[0];
        boolean common = first.length() > 1 && Character.isUpperCase(first.charAt(0))
                && first.substring(1).chars().noneMatch(Character::isUpperCase);
        return common ? Character.toLowerCase(words.charAt(0)) + words.substring(1) : words;
    }

    /** The first title of the candidates that no slide has yet ({@code used} gains it); empty if none. */
    static String firstUnused(List<String> candidates, Set<String> used) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank() && used.add(key(candidate))) {
                return candidate;
            }
        }
        return "";
    }

    static String key(String title) {
        return TextCleanup.normalize(title).toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\s]+$", "");
    }

    /** Without trailing dangling words ("…of the"), as {@link BulletText#endsMidClause} tells them. */
    private static String trimWeakEnd(String text) {
        String trimmed = text.replaceAll("[\\s,;:\u2013\u2014-]+$", "");
        while (BulletText.endsMidClause(trimmed) && trimmed.lastIndexOf(' ') > 0) {
            trimmed = trimmed.substring(0, trimmed.lastIndexOf(' ')).replaceAll("[\\s,;:\u2013\u2014-]+$", "");
        }
        return trimmed;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
