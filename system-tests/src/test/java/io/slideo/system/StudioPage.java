package io.slideo.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

/**
 * The web client at the gateway's address, as a person uses it: its own forms and buttons, and what
 * it shows. The one thing added to the page is a probe that writes down, the moment each slide enters
 * the strip, what the page shows of it (before any later message is handled).
 */
final class StudioPage {
    private static final double MINUTE = 60_000;
    // A MutationObserver's callback runs at the end of the task that added the slide: before the page
    // handles the next WebSocket message (a later slide, or deck_complete).
    private static final String PROBE = """
            () => {
              window.slideArrivals = [];
              const text = (node) => (node ? node.textContent : "").replace(/\\u2022/g, " ").replace(/\\s+/g, " ").trim();
              new MutationObserver((changes) => {
                for (const change of changes) {
                  for (const item of change.addedNodes) {
                    const slide = item.querySelector && item.querySelector("section.slide");
                    const title = slide && slide.querySelector(".frame.title");
                    const main = document.querySelector("#main-view section.slide");
                    window.slideArrivals.push({
                      index: Number(item.dataset.index),
                      atMillis: Math.round(performance.now()),
                      drawn: !!slide,
                      deckCompleteShown: !document.getElementById("export").classList.contains("hidden"),
                      layout: slide ? slide.dataset.layout : null,
                      title: text(title),
                      body: slide ? Array.from(slide.querySelectorAll(".frame.body, .frame.second, .frame.table"))
                          .map(text).join(" ") : "",
                      background: slide ? getComputedStyle(slide).backgroundColor : null,
                      titleColour: title ? getComputedStyle(title).color : null,
                      titleFont: title ? getComputedStyle(title).fontFamily : null,
                      framePosition: title ? getComputedStyle(title).position : null,
                      mainShows: main ? Number(main.dataset.slide) : null,
                    });
                  }
                }
              }).observe(document.getElementById("slide-list"), { childList: true });
            }
            """;

    private final Page page;

    StudioPage(Page page) {
        this.page = page;
    }

    /** Opens the client with the token in the address (the launcher's link) and waits for its socket. */
    void open(String token) {
        page.navigate(Suite.GATEWAY + "/#token=" + token);
        page.waitForSelector("#connection.online", new Page.WaitForSelectorOptions().setTimeout(MINUTE / 2));
    }

    /** Uploads the files with the page's form and waits until the page lists each as extracted. */
    void upload(Path... files) {
        page.setInputFiles("#file", files);
        page.click("#upload-form button[type=submit]");
        page.waitForFunction("n => document.querySelectorAll('#document-list .doc-status.extracted').length >= n",
                files.length, new Page.WaitForFunctionOptions().setTimeout(Suite.EXTRACTION_TIMEOUT.toMillis()));
    }

    /** Asks for a plan of the uploaded documents in a theme; returns the planned titles once the outline shows. */
    List<String> plan(String themeId, String description, int slides) {
        page.selectOption("#theme", themeId);
        page.fill("#description", description);
        page.fill("#slide-count", Integer.toString(slides));
        page.click("#plan-form button[type=submit]");
        page.waitForSelector("#generate:not([disabled])", new Page.WaitForSelectorOptions().setTimeout(MINUTE));
        return page.locator("#outline-slides > li > strong").allTextContents();
    }

    /** Starts writing; screenshots the studio as each slide arrives; returns what the probe saw. */
    List<Map<String, Object>> generateWatching(int slides, Path screenshots) {
        page.evaluate(PROBE);
        page.click("#generate");
        for (int n = 1; n <= slides; n++) {
            page.waitForFunction("n => document.querySelectorAll('#slide-list > li').length >= n", n,
                    new Page.WaitForFunctionOptions().setTimeout(2 * MINUTE));
            page.locator("#deck").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(screenshots.resolve(String.format("slide-%02d-arrived.png", n))));
        }
        page.waitForSelector("#export:not(.hidden)", new Page.WaitForSelectorOptions().setTimeout(MINUTE));
        return arrivals();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> arrivals() {
        return new ArrayList<>((List<Map<String, Object>>) page.evaluate("() => window.slideArrivals"));
    }

    /** The families of Slideo's fonts the page has loaded (from the export's stylesheet). */
    @SuppressWarnings("unchecked")
    List<String> loadedSlideFonts() {
        page.evaluate("() => document.fonts.ready.then(() => true)");
        return (List<String>) page.evaluate("() => Array.from(document.fonts).filter(f => f.status === 'loaded'"
                + " && f.family.replace(/\"/g, '').startsWith('slideo-')).map(f => f.family.replace(/\"/g, ''))");
    }

    /** Focuses the first slide of the strip, as a Tab would. */
    void focusFirstThumbnail() {
        page.locator("#slide-list button.thumbnail").first().focus();
    }

    void press(String key) {
        page.keyboard().press(key);
    }

    /** The number of the slide in the main view (1-based, as the export numbers them). */
    int mainViewSlide() {
        return ((Number) page.evaluate("() => Number(document.querySelector('#main-view section.slide').dataset.slide)"))
                .intValue();
    }

    /** The slide index of the focused thumbnail, or -1 when focus is elsewhere. */
    int focusedThumbnail() {
        return ((Number) page.evaluate("() => document.activeElement.classList.contains('thumbnail')"
                + " ? Number(document.activeElement.dataset.index) : -1")).intValue();
    }

    /** The focused element's outline, as drawn: keyboard focus must be visible. */
    String focusOutline() {
        return (String) page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                + " return s.outlineStyle + ' ' + s.outlineWidth; }");
    }

    void screenshot(String selector, Path file) {
        page.locator(selector).screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(file));
    }

    /** Shows a slide (1-based) in the main view by clicking its thumbnail. */
    void choose(int slide) {
        page.click("#slide-list button.thumbnail[data-index=\"" + (slide - 1) + "\"]");
    }

    /** Uses another token with the page's own form, as a person switching accounts would. */
    void useToken(String token) {
        page.fill("#token", token);
        page.click("#token-form button[type=submit]");
        page.waitForSelector("#connection.online", new Page.WaitForSelectorOptions().setTimeout(MINUTE / 2));
    }

    /** Presses a version's Restore button; returns the status line once it says something went wrong. */
    String restoreFailing(int version) {
        page.click("#history-list button.restore[data-version=\"" + version + "\"]");
        page.waitForSelector("#slide-status.bad", new Page.WaitForSelectorOptions().setTimeout(MINUTE / 2));
        return status();
    }

    /** Focuses the main view, as Tab would after the strip. */
    void focusMainView() {
        page.locator("#main-view").focus();
    }

    /** The version of the slide in the main view, as the page knows it from slide_complete. */
    int mainViewVersion() {
        return ((Number) page.evaluate("() => Number(document.getElementById('main-view').dataset.version)")).intValue();
    }

    /** What the main view's slide says: its title, then its body (bullets, second column, table). */
    String mainViewText() {
        return (String) page.evaluate("""
                () => {
                  const t = (n) => (n ? n.textContent : "").replace(/\u2022/g, " ").replace(/\s+/g, " ").trim();
                  const s = document.querySelector("#main-view section.slide");
                  return t(s.querySelector(".frame.title")) + " | "
                      + Array.from(s.querySelectorAll(".frame.body, .frame.second, .frame.table")).map(t).join(" ");
                }
                """);
    }

    /** The id of the focused element ("" when it has none). */
    String focusedId() {
        return (String) page.evaluate("() => document.activeElement ? document.activeElement.id : ''");
    }

    /** Types into the focused field, as a keyboard does. */
    void type(String text) {
        page.keyboard().type(text);
    }

    /** Waits until the main view shows a version of its slide (a rewrite or a restore arriving). */
    void awaitMainViewVersion(int version) {
        page.waitForFunction("v => Number(document.getElementById('main-view').dataset.version) === v", version,
                new Page.WaitForFunctionOptions().setTimeout(2 * MINUTE));
    }

    /**
     * The history panel's entries once it lists {@code count} versions, newest first: each its version, the
     * line of when/why/who, its title and text as shown, the words struck through and marked, and whether
     * it has a Restore button.
     */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history(int count) {
        page.waitForFunction("n => document.querySelectorAll('#history-list > li.version').length === n", count,
                new Page.WaitForFunctionOptions().setTimeout(MINUTE / 2));
        return (List<Map<String, Object>>) page.evaluate("""
                () => Array.from(document.querySelectorAll("#history-list > li.version")).map((li) => {
                  const words = (sel) => Array.from(li.querySelectorAll(sel)).map((n) =>
                      Array.from(n.childNodes).filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join(""));
                  return {
                    version: Number(li.dataset.version),
                    head: li.querySelector(".version-head").textContent,
                    reason: li.querySelector(".version-reason").textContent,
                    title: li.querySelector(".version-title").textContent,
                    removed: words(".version-text del"),
                    added: words(".version-text ins"),
                    restorable: !!li.querySelector("button.restore"),
                  };
                })
                """);
    }

    /** Focuses the Restore button of a version, as Tab would reach it. */
    void focusRestore(int version) {
        page.locator("#history-list button.restore[data-version=\"" + version + "\"]").focus();
    }

    /** The status line under the slide's tools (what was done, or what went wrong, in words). */
    String status() {
        return page.locator("#slide-status").textContent();
    }

    /** Downloads the deck in a format with the page's export controls; returns where the file was saved. */
    Path download(String format, Path directory) {
        page.selectOption("#export-format", format);
        Download download = page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(2 * MINUTE),
                () -> page.click("#download-export"));
        Path saved = directory.resolve("deck." + format);
        download.saveAs(saved);
        return saved;
    }
}
