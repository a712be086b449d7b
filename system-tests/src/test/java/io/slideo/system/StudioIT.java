package io.slideo.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.restassured.path.json.JsonPath;
import io.slideo.testing.RepositoryPaths;
import io.slideo.testing.TestTokens;
import io.vertx.core.json.JsonObject;

/**
 * The studio in real Chromium (Debian's, driven by Playwright; nothing downloaded): two corpus documents
 * uploaded with the page's form, a plan, the slides watched as a paced worker writes them (each drawn as
 * the export draws it, in its theme, before deck_complete; a screenshot each), the slides walked with the
 * keyboard, and the deck downloaded as PPTX and PDF. Screenshots and downloads: target/studio/.
 */
class StudioIT {
    private static final Logger LOG = Logger.getLogger(StudioIT.class);
    private static final int SLIDES = 5;
    private static final String THEME = "forest"; // serif titles in white on deep green
    private static final Path OUT = Paths.get("target", "studio");
    private static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("SLIDEO_CHROMIUM", "/usr/bin/chromium"));
    private static final List<String> DOCUMENTS = List.of("paper-tracemonkey.pdf", "sample-lists-table-footnotes.docx");
    private static final int PACED_WORKER_PORT = Services.spareWorkerPort(2);
    // Offline slides take milliseconds; paced, each arrives on its own and can be watched arriving.
    private static final Map<String, String> PACED = Map.of("SLIDEO_WORKER_WRITING_PACE", "800ms",
            "SLIDEO_WORKER_WRITING_PARALLELISM", "1");

    private static ProcessHandle suiteWorker;
    private static WorkerProcess pacedWorker;

    @BeforeAll
    static void aPacedWorkerWritesInsteadOfTheSuites() throws Exception {
        TestTokens.useSuiteSecret();
        Files.createDirectories(OUT);
        suiteWorker = WorkerProcess.suiteWorker();
        if (suiteWorker != null) {
            suiteWorker.destroy();
            suiteWorker.onExit().get();
        }
        pacedWorker = WorkerProcess.start(PACED_WORKER_PORT, PACED);
    }

    @AfterAll
    static void theSuiteGetsItsWorkerBack() throws Exception {
        if (pacedWorker != null) {
            pacedWorker.close();
        }
        if (suiteWorker != null) {
            WorkerProcess replacement = WorkerProcess.start(Services.port("worker-service"), Map.of());
            Files.writeString(Services.HOME.resolve("pids/worker-service.pid"),
                    Long.toString(replacement.pid()));
        }
    }

    @Test
    void slidesAppearDrawnInTheirThemeAsTheyAreWrittenAndTheDeckIsWalkedByKeyAndExported() throws Exception {
        String token = TestTokens.valid(TestTokens.newUser());
        JsonPath theme = new JsonPath(Suite.as(token).get("/api/v1/themes").then().statusCode(200).extract().asString())
                .setRootPath("find { it.id == '" + THEME + "' }");
        List<String> pageErrors = new CopyOnWriteArrayList<>();
        try (LiveSocket live = LiveSocket.open(token); Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM).setHeadless(true))) {
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1100)
                    .setAcceptDownloads(true)).newPage();
            page.onConsoleMessage(m -> {
                // A failed request is told again with its address below (the page has no favicon: a 404 it always had).
                if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                    pageErrors.add(m.text());
                }
            });
            page.onPageError(pageErrors::add);
            page.onResponse(r -> {
                if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                    pageErrors.add(r.status() + " " + r.url());
                }
            });
            StudioPage studio = new StudioPage(page);
            studio.open(token);
            studio.upload(DOCUMENTS.stream().map(RepositoryPaths::corpusFile).toArray(Path[]::new));
            List<String> planned = studio.plan(THEME, "A briefing on both documents for the team", SLIDES);
            assertEquals(SLIDES, planned.size(), "the outline shows the plan: " + planned);
            String deckId = live.awaitOne(LiveSocket.ofType("plan_response"), Duration.ofSeconds(10))
                    .getJsonObject("data").getString("deck_id");

            List<Map<String, Object>> arrivals = studio.generateWatching(SLIDES, OUT);
            assertEachSlideArrivedDrawnInItsTheme(arrivals, theme, token, deckId);
            printFragmentSizes(live, deckId);
            List<String> fonts = studio.loadedSlideFonts();
            assertTrue(fonts.contains("slideo-serif") && fonts.contains("slideo-sans"),
                    "the export's own fonts draw the slides: " + fonts);

            walkTheSlidesByKeyboard(studio);
            assertIsAPresentation(studio.download("pptx", OUT));
            assertIsAPdf(studio.download("pdf", OUT));
            rewriteSlideThreeShorterThenRestoreItsFirstVersion(studio, token, deckId);
        }
        assertTrue(pageErrors.stream().noneMatch(e -> e.contains("Content Security Policy")),
                "nothing was refused by the page's policy: " + pageErrors);
        assertEquals(List.of(), pageErrors, "no errors in the page");
    }

    private static void assertEachSlideArrivedDrawnInItsTheme(List<Map<String, Object>> arrivals, JsonPath theme,
            String token, String deckId) {
        assertEquals(SLIDES, arrivals.size(), "each slide entered the strip once: " + arrivals);
        JsonPath deck = new JsonPath(Suite.as(token).get("/api/v1/decks/" + deckId).then().statusCode(200).extract()
                .asString());
        for (Map<String, Object> seen : arrivals) {
            int index = ((Number) seen.get("index")).intValue();
            LOG.infof("Slide %d arrived: %s", index + 1, seen);
            assertEquals(true, seen.get("drawn"), "slide " + index + " arrived drawn, not as a title: " + seen);
            assertEquals(false, seen.get("deckCompleteShown"), "slide " + index + " was shown before deck_complete");
            assertEquals(index + 1, ((Number) seen.get("mainShows")).intValue(), "the main view follows the new slide");
            assertEquals(rgb(theme.getString("backgroundColor")), seen.get("background"), "the theme's background");
            assertEquals(rgb(theme.getString("titleColor")), seen.get("titleColour"), "the theme's title colour");
            assertEquals("absolute", seen.get("framePosition"), "the export's slide rules apply");
            assertTrue(String.valueOf(seen.get("titleFont")).startsWith("slideo-serif"), "the theme's heading font");
            String path = "slides.find { it.index == " + index + " }";
            assertEquals(normalised(deck.getString(path + ".title")), seen.get("title"), "slide " + index + "'s title");
            String layout = deck.getString(path + ".layout");
            String body = String.valueOf(seen.get("body"));
            assertFalse(body.isBlank() && !"TITLE".equals(layout), "slide " + index + " shows its body: " + seen);
            if (List.of("BULLETS", "AGENDA", "TWO_COLUMNS", "IMAGE", "TITLE", "SECTION").contains(layout)) {
                for (String bullet : deck.getList(path + ".bullets.text", String.class)) {
                    assertTrue(body.contains(normalised(bullet)), "slide " + index + " shows '" + bullet + "': " + body);
                }
            }
        }
    }

    /** What each slide_complete weighs: the notification must stay far inside the outbox's 900K. */
    private static void printFragmentSizes(LiveSocket live, String deckId) throws InterruptedException {
        List<Integer> sizes = new ArrayList<>();
        for (JsonObject told : live.await(m -> "slide_complete".equals(m.getString("type"))
                && deckId.equals(m.getJsonObject("data").getString("deck_id")), SLIDES, Duration.ofSeconds(10))) {
            String html = told.getJsonObject("data").getString("html");
            assertFalse(html.contains("data:"), "no picture or font inside a notification");
            sizes.add(html.getBytes(StandardCharsets.UTF_8).length);
            sizes.add(told.encode().getBytes(StandardCharsets.UTF_8).length);
        }
        LOG.infof("slide_complete sizes in bytes (fragment, whole message) per slide: %s", sizes);
        assertTrue(sizes.stream().allMatch(n -> n < 64 * 1024), "each well under the limits: " + sizes);
    }

    private static void walkTheSlidesByKeyboard(StudioPage studio) {
        studio.focusFirstThumbnail();
        studio.press("Enter");
        assertEquals(1, studio.mainViewSlide());
        studio.press("ArrowRight");
        studio.press("ArrowRight");
        assertEquals(3, studio.mainViewSlide(), "two steps right");
        assertEquals(2, studio.focusedThumbnail(), "focus moves with the slide");
        assertNotEquals("none", studio.focusOutline().split(" ")[0], "focus is visible: " + studio.focusOutline());
        studio.screenshot("#deck", OUT.resolve("keyboard-slide-3.png"));
        studio.press("End");
        assertEquals(SLIDES, studio.mainViewSlide(), "End");
        studio.press("ArrowRight");
        assertEquals(SLIDES, studio.mainViewSlide(), "the last slide stays");
        studio.press("Home");
        assertEquals(1, studio.mainViewSlide(), "Home");
        studio.press("ArrowLeft");
        assertEquals(1, studio.mainViewSlide(), "the first slide stays");
    }

    /**
     * From the keyboard: Tab from the main view to the instruction field, "shorter", Enter; Tab to History,
     * Enter; the older version restored with its button. A restore is a version of its own (the API writes
     * version 1's content as version 3, reason "restored version 1").
     */
    private static void rewriteSlideThreeShorterThenRestoreItsFirstVersion(StudioPage studio, String token,
            String deckId) {
        studio.choose(3);
        assertEquals(1, studio.mainViewVersion(), "slide 3 as first written");
        String first = studio.mainViewText();
        studio.focusMainView();
        studio.press("Tab");
        assertEquals("regenerate-instructions", studio.focusedId(), "Tab leads from the slide to its instructions");
        studio.type("shorter");
        studio.press("Enter");
        studio.awaitMainViewVersion(2);
        String shorter = studio.mainViewText();
        LOG.infof("Slide 3, version 1 (%d words): %s", words(first), first);
        LOG.infof("Slide 3, version 2 \"shorter\" (%d words): %s", words(shorter), shorter);
        assertNotEquals(first, shorter, "the rewrite changed the slide");
        assertTrue(words(shorter) < words(first), "shorter: " + words(first) + " -> " + words(shorter) + " words");

        studio.press("Tab");
        studio.press("Tab");
        assertEquals("toggle-history", studio.focusedId(), "Tab leads on to the History button");
        studio.press("Enter");
        List<Map<String, Object>> two = studio.history(2);
        LOG.infof("History after the rewrite: %s", two);
        assertEquals(List.of(2, 1), two.stream().map(v -> v.get("version")).toList(), "two versions, newest first");
        assertEquals("shorter", two.get(0).get("reason"), "why version 2 was written");
        assertEquals("generated", two.get(1).get("reason"), "why version 1 was written");
        assertTrue(String.valueOf(two.get(0).get("head")).contains("by you"), "who: " + two.get(0).get("head"));
        assertEquals(false, two.get(0).get("restorable"), "the current version has nothing to restore");
        assertEquals(true, two.get(1).get("restorable"), "version 1 can be restored");
        assertFalse(((List<?>) two.get(1).get("removed")).isEmpty() && ((List<?>) two.get(1).get("added")).isEmpty(),
                "version 1 differs from the current one in marked words: " + two.get(1));
        studio.screenshot(".main-column", OUT.resolve("history-slide-3.png"));

        studio.focusRestore(1);
        assertNotEquals("none", studio.focusOutline().split(" ")[0], "focus is visible: " + studio.focusOutline());
        studio.press("Enter");
        studio.awaitMainViewVersion(3);
        assertEquals(first, studio.mainViewText(), "the main view shows version 1's text again");
        List<Map<String, Object>> three = studio.history(3);
        LOG.infof("History after the restore: %s; status: %s", three, studio.status());
        assertEquals(List.of(3, 2, 1), three.stream().map(v -> v.get("version")).toList(), "a restore is a new version");
        assertEquals("restored version 1", three.get(0).get("reason"));
        assertEquals(List.of("generated", "shorter", "restored version 1"), reasonsOverGraphQL(token, deckId, 2),
                "the API's history of slide 3");
        studio.screenshot(".main-column", OUT.resolve("restored-slide-3.png"));

        // Another account's token in the same page: the deck is not theirs, and the page says so in words.
        studio.useToken(TestTokens.valid(TestTokens.newUser()));
        String refused = studio.restoreFailing(2);
        LOG.infof("Restoring with another user's token: %s", refused);
        assertTrue(refused.startsWith("Version 2 of slide 3 could not be restored: Deck " + deckId + " does not exist"),
                refused);
        assertEquals(3, studio.mainViewVersion(), "nothing changed");
        studio.screenshot(".main-column", OUT.resolve("restore-refused.png"));
    }

    private static List<String> reasonsOverGraphQL(String token, String deckId, int index) {
        String query = "{ deck(id: \"" + deckId + "\") { slides { index versions { version reason } } } }";
        JsonPath answer = new JsonPath(Suite.as(token).contentType("application/json")
                .body(new JsonObject().put("query", query).encode()).post("/graphql")
                .then().statusCode(200).extract().asString());
        return answer.getList("data.deck.slides.find { it.index == " + index + " }.versions.sort { it.version }.reason",
                String.class);
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.split("\\s+").length;
    }

    private static void assertIsAPresentation(Path pptx) throws IOException {
        int slides = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(pptx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                slides += entry.getName().matches("ppt/slides/slide\\d+\\.xml") ? 1 : 0;
            }
        }
        assertEquals(SLIDES, slides, "the PPTX opens as a ZIP with a part per slide: " + pptx);
    }

    private static void assertIsAPdf(Path pdf) throws IOException {
        try (InputStream in = Files.newInputStream(pdf)) {
            assertEquals("%PDF-", new String(in.readNBytes(5), StandardCharsets.US_ASCII), "a PDF: " + pdf);
        }
        assertTrue(Files.size(pdf) > 10_000, "a PDF with pages: " + Files.size(pdf) + " bytes");
    }

    private static String rgb(String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return "rgb(" + (value >> 16) + ", " + ((value >> 8) & 0xff) + ", " + (value & 0xff) + ")";
    }

    private static String normalised(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
