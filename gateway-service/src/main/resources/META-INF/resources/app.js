"use strict";
// The Slideo web client: no framework, no outside requests. Everything a server sends reaches the
// page through textContent, never as markup, so document or model text cannot inject anything; the
// one exception, a slide's markup (the HTML export's own, escaped by slide-service), is parsed inert
// and kept to the elements and attributes a slide has (see slideNode) before it is shown.
(() => {
  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = "slideo.token";
  const MAX_LOG = 300;
  const state = {
    token: null,
    socket: null,
    clientId: uuid(),
    lastSeq: null,
    reconnectDelay: 1000,
    reconnectTimer: null,
    deckId: null,
    documents: new Map(),
    selected: new Set(),
    slides: new Map(), // slide index -> the slide_complete data of its newest version
    current: null, // the slide index in the main view
    following: true, // the main view shows each slide as it arrives until the user picks one
    styleDeck: null, // the deck whose stylesheet the page has adopted
    styleText: null,
    historyOpen: false,
    historyAsked: 0, // the newest history request: an older answer arriving late is dropped
    rewriting: new Map(), // slide index -> what the user asked for, until its new version arrives
  };
  // What a slide's markup may hold (HtmlRenderer and ChartSvg write nothing else).
  const SLIDE_ELEMENTS = new Set(["section", "div", "p", "span", "table", "colgroup", "col", "thead", "tbody", "tr",
    "th", "td", "svg", "g", "rect", "line", "path", "circle", "polyline", "polygon", "text", "tspan", "title"]);
  const SLIDE_WIDTH_PX = 1280; // 960pt

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  // ---- live message log ----------------------------------------------------------------------

  function log(type, data) {
    const item = el("li");
    item.append(el("span", new Date().toLocaleTimeString() + " ", "msg-time"));
    item.append(el("span", type, "msg-type " + type));
    let text = "";
    try {
      // A slide's markup is shown as the slide; the log says how large it was.
      const shown = data && typeof data.html === "string"
        ? Object.assign({}, data, { html: `(${data.html.length} characters of slide markup)` }) : data;
      text = JSON.stringify(shown === undefined ? null : shown);
    } catch (e) {
      text = String(data);
    }
    item.append(el("span", text.length > 800 ? text.slice(0, 800) + "..." : text, "msg-data"));
    const list = $("message-log");
    list.prepend(item);
    while (list.children.length > MAX_LOG) {
      list.lastElementChild.remove();
    }
  }

  function setConnection(text, className) {
    const status = $("connection");
    status.textContent = text;
    status.className = "status " + (className || "");
  }

  // ---- token ---------------------------------------------------------------------------------

  function takeTokenFromAddress() {
    const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (match) {
      // Out of the address bar and the history at once.
      history.replaceState(null, "", location.pathname + location.search);
      return decodeURIComponent(match[1]);
    }
    return null;
  }

  function useToken(token) {
    state.token = token && token.trim() ? token.trim() : null;
    if (state.token) {
      sessionStorage.setItem(TOKEN_KEY, state.token);
      $("token").value = "";
      $("token").placeholder = "Token set";
      connect();
      loadThemes();
      loadDocuments();
    } else {
      sessionStorage.removeItem(TOKEN_KEY);
      $("token").placeholder = "eyJhbGciOi...";
      disconnect();
      setConnection("Not connected");
    }
  }

  // ---- REST through the gateway ----------------------------------------------------------------

  async function api(path, options) {
    if (!state.token) {
      log("http_error", { message: "Set a token first" });
      throw new Error("no token");
    }
    const headers = new Headers((options && options.headers) || {});
    headers.set("Authorization", "Bearer " + state.token);
    headers.set("X-Request-Id", uuid());
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (!response.ok) {
      let detail;
      try {
        detail = await response.json();
      } catch (e) {
        detail = { message: response.statusText };
      }
      log("http_error", Object.assign({ status: response.status, path }, detail));
      // The shared error shape says what went wrong in a sentence: {"error": {"code", "message", ...}}.
      const words = (detail && detail.error && detail.error.message) || (detail && detail.message);
      const error = new Error(words || `The server answered ${response.status} ${response.statusText}`.trim());
      error.status = response.status;
      throw error;
    }
    return response;
  }

  async function loadThemes() {
    try {
      const themes = await (await api("/api/v1/themes")).json();
      const select = $("theme");
      const current = select.value;
      select.replaceChildren();
      for (const theme of themes) {
        const option = el("option", theme.name || theme.id);
        option.value = theme.id;
        if (theme.description) {
          option.title = theme.description;
        }
        select.append(option);
      }
      if (current) {
        select.value = current;
      }
    } catch (e) {
      // Logged by api().
    }
  }

  async function loadDocuments() {
    try {
      const documents = await (await api("/api/v1/documents")).json();
      state.documents.clear();
      for (const d of documents) {
        state.documents.set(d.id, d);
      }
      renderDocuments();
    } catch (e) {
      // Logged by api().
    }
  }

  function renderDocuments() {
    const list = $("document-list");
    list.replaceChildren();
    for (const d of state.documents.values()) {
      const item = el("li");
      const box = el("input");
      box.type = "checkbox";
      box.checked = state.selected.has(d.id);
      box.addEventListener("change", () => {
        if (box.checked) {
          state.selected.add(d.id);
        } else {
          state.selected.delete(d.id);
        }
      });
      const label = el("label");
      label.append(box, document.createTextNode(" " + (d.fileName || d.id)));
      const status = el("span", statusText(d), "doc-status " + (d.status || ""));
      item.append(label, status);
      list.append(item);
    }
  }

  function statusText(d) {
    const parts = [d.status || "uploaded"];
    if (d.pages) {
      parts.push(d.pages + " pages");
    }
    if (d.progress !== undefined) {
      parts.push(d.progress + "%");
    }
    if (d.errorMessage) {
      parts.push(d.errorMessage);
    }
    return parts.join(" · ");
  }

  async function upload(event) {
    event.preventDefault();
    const files = $("file").files;
    for (const file of files) {
      const form = new FormData();
      form.append("file", file, file.name);
      try {
        const stored = await (await api("/api/v1/documents", { method: "POST", body: form })).json();
        state.documents.set(stored.id, stored);
        state.selected.add(stored.id);
        log("uploaded", { id: stored.id, file_name: stored.fileName, media_type: stored.mediaType });
        renderDocuments();
      } catch (e) {
        // Logged by api().
      }
    }
    $("file").value = "";
  }

  // ---- WebSocket -----------------------------------------------------------------------------

  function connect() {
    disconnect();
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    // Browsers cannot set headers on the upgrade; the token travels as a subprotocol.
    const socket = new WebSocket(scheme + location.host + "/ws", ["slideo.v1", "bearer." + state.token]);
    state.socket = socket;
    setConnection("Connecting...");
    socket.addEventListener("open", () => {
      state.reconnectDelay = 1000;
      setConnection("Connected", "online");
      if (state.lastSeq !== null) {
        send("resume", { last_seq: state.lastSeq });
      }
    });
    socket.addEventListener("message", (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        log("unreadable", event.data);
        return;
      }
      if (typeof message.seq === "number") {
        state.lastSeq = Math.max(state.lastSeq || 0, message.seq);
      }
      log(message.type, message.data);
      handle(message.type, message.data || {});
    });
    socket.addEventListener("close", (event) => {
      if (state.socket !== socket) {
        return;
      }
      state.socket = null;
      setConnection("Disconnected (" + event.code + ")", "offline");
      if (state.token) {
        state.reconnectTimer = setTimeout(connect, state.reconnectDelay);
        state.reconnectDelay = Math.min(state.reconnectDelay * 2, 30000);
      }
    });
  }

  function disconnect() {
    clearTimeout(state.reconnectTimer);
    const socket = state.socket;
    state.socket = null;
    if (socket) {
      socket.close(1000, "bye");
    }
  }

  function send(type, data) {
    if (!state.socket || state.socket.readyState !== WebSocket.OPEN) {
      log("not_sent", { type, reason: "The WebSocket is not connected" });
      return null;
    }
    const message = {
      id: uuid(),
      type,
      timestamp: new Date().toISOString(),
      client_id: state.clientId,
      data,
    };
    state.socket.send(JSON.stringify(message));
    log("sent:" + type, data);
    return message.id;
  }

  function handle(type, data) {
    switch (type) {
      case "progress_update":
        if (data.document_id && state.documents.has(data.document_id)) {
          state.documents.get(data.document_id).progress = data.percent;
          renderDocuments();
        }
        if (data.deck_id && data.deck_id === state.deckId && typeof data.percent === "number") {
          $("deck-progress").max = 100;
          $("deck-progress").value = data.percent;
        }
        break;
      case "file_processed": {
        const d = state.documents.get(data.document_id) || { id: data.document_id, fileName: data.file_name };
        d.status = data.status;
        d.pages = data.pages;
        d.errorMessage = data.error_message;
        delete d.progress;
        state.documents.set(d.id, d);
        renderDocuments();
        break;
      }
      case "plan_response":
        showPlan(data);
        break;
      case "slide_complete":
        slideDone(data);
        break;
      case "deck_complete":
        if (data.deck_id === state.deckId) {
          $("deck-progress").max = 1;
          $("deck-progress").value = 1;
          $("export").classList.remove("hidden");
          loadSlideStyle(state.deckId, true);
        }
        break;
      default:
        break;
    }
  }

  function showPlan(data) {
    state.deckId = data.deck_id;
    $("outline-title").textContent = data.title || "Untitled deck";
    const list = $("outline-slides");
    list.replaceChildren();
    for (const slide of data.slides || []) {
      const item = el("li");
      item.append(el("strong", slide.title));
      const points = el("ul");
      for (const point of slide.keyPoints || slide.key_points || []) {
        points.append(el("li", point));
      }
      item.append(points);
      list.append(item);
    }
    $("generate").disabled = !state.deckId;
    clearStudio();
    loadSlideStyle(state.deckId);
    $("export").classList.add("hidden");
  }

  function slideDone(data) {
    if (data.deck_id !== state.deckId) {
      return;
    }
    state.slides.set(data.slide_index, data);
    loadSlideStyle(state.deckId); // nothing when it is loaded; again when the last try failed
    renderThumbnail(data);
    if (state.rewriting.has(data.slide_index)) {
      say(`Slide ${data.slide_index + 1} is now version ${data.version} (${state.rewriting.get(data.slide_index)}).`);
      state.rewriting.delete(data.slide_index);
    }
    if (state.following || state.current === data.slide_index) {
      show(data.slide_index, false);
    }
    if (data.total) {
      $("deck-progress").max = data.total;
      $("deck-progress").value = data.completed;
    }
  }

  // ---- the studio: slides as the export draws them ---------------------------------------------

  // The export's stylesheet (its fonts and slide rules) for the deck, fetched with the token and
  // adopted through the CSSOM: the page's Content-Security-Policy keeps style-src 'self'. Fetched again
  // once the deck is complete: a fallback font (Japanese, Arabic...) carries only the characters of the
  // slides written when it was drawn.
  async function loadSlideStyle(deckId, again) {
    if ((state.styleDeck === deckId && !again) || !document.adoptedStyleSheets) {
      return;
    }
    state.styleDeck = deckId;
    try {
      const css = await (await api(`/api/v1/decks/${encodeURIComponent(deckId)}/style`)).text();
      if (css !== state.styleText && state.styleDeck === deckId) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [sheet];
        state.styleText = css;
      }
    } catch (e) {
      state.styleDeck = null; // Logged by api(); tried again with the next slide.
    }
  }

  // The slide's <section>, parsed in an inert document, cleaned, and brought into this page. Its
  // style attributes are applied through element.style: the policy refuses style="..." in markup, even
  // in a DOMParser's document, so they are renamed before parsing (the server escapes every '"' of
  // text and values, so ' style="' in its markup only ever starts an attribute).
  function slideNode(html) {
    const markup = "<!DOCTYPE html><body>" + html.replace(/ style="/g, ' data-style="');
    const parsed = new DOMParser().parseFromString(markup, "text/html");
    const section = parsed.body.firstElementChild;
    if (!section || section.localName !== "section" || !section.classList.contains("slide")) {
      return null;
    }
    for (const node of [section, ...section.querySelectorAll("*")]) {
      if (!SLIDE_ELEMENTS.has(node.localName)) {
        node.remove();
        continue;
      }
      for (const attribute of Array.from(node.attributes)) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on") || name.endsWith("href") || name === "src" || name === "srcset" || name === "style") {
          node.removeAttribute(attribute.name);
        }
      }
    }
    const slide = document.importNode(section, true);
    for (const node of [slide, ...slide.querySelectorAll("[data-style]")]) {
      if (node.hasAttribute("data-style")) {
        node.style.cssText = node.getAttribute("data-style");
        node.removeAttribute("data-style");
      }
    }
    slide.removeAttribute("id"); // a slide is on the page twice: in the strip and in the main view
    return slide;
  }

  // The slide drawn at 960 x 540 pt and scaled to its frame's width.
  function framed(data, className) {
    const frame = el("div", null, "slide-frame " + className);
    const slide = data.html ? slideNode(data.html) : null;
    if (slide) {
      frame.append(slide);
    } else {
      frame.append(el("p", data.title || "Slide " + (data.slide_index + 1), "slide-fallback"));
    }
    return frame;
  }

  function fit(frame) {
    const slide = frame.querySelector(".slide");
    if (slide && frame.clientWidth > 0) {
      slide.style.transform = `scale(${frame.clientWidth / SLIDE_WIDTH_PX})`;
    }
  }

  function renderThumbnail(data) {
    const list = $("slide-list");
    const index = data.slide_index;
    const button = el("button", null, "thumbnail");
    button.type = "button";
    button.dataset.index = index;
    button.setAttribute("aria-label", `Slide ${index + 1}: ${data.title || ""} (version ${data.version})`);
    const picture = framed(data, "thumb-frame");
    picture.setAttribute("aria-hidden", "true"); // the button's label names the slide; the main view reads it
    button.append(picture, el("span", index + 1, "thumb-number"));
    button.addEventListener("click", () => {
      state.following = false;
      show(index, true);
    });
    const item = el("li");
    item.dataset.index = index;
    item.append(button);
    const after = Array.from(list.children).find((li) => Number(li.dataset.index) >= index);
    if (after && Number(after.dataset.index) === index) {
      after.replaceWith(item);
    } else {
      list.insertBefore(item, after || null);
    }
    fit(button.firstElementChild);
    markCurrent();
  }

  function show(index, focusThumbnail) {
    const data = state.slides.get(index);
    if (!data) {
      return;
    }
    const moved = state.current !== index;
    state.current = index;
    const view = $("main-view");
    const frame = framed(data, "main-frame");
    view.replaceChildren(frame);
    view.dataset.version = data.version;
    fit(frame);
    markCurrent();
    showSlideTools(data, moved);
    if (focusThumbnail) {
      const button = $("slide-list").querySelector(`button[data-index="${index}"]`);
      if (button && view !== document.activeElement) {
        button.focus();
      }
    }
  }

  function markCurrent() {
    for (const button of $("slide-list").querySelectorAll("button.thumbnail")) {
      if (Number(button.dataset.index) === state.current) {
        button.setAttribute("aria-current", "true");
      } else {
        button.removeAttribute("aria-current");
      }
    }
  }

  // Arrow keys, Home and End move through the written slides, from the strip or the main view.
  function onStudioKey(event) {
    if (event.target.closest && event.target.closest("#slide-tools")) {
      return; // Home, End and the arrows move the caret in the instruction field, not the slides
    }
    const written = Array.from(state.slides.keys()).sort((a, b) => a - b);
    if (written.length === 0) {
      return;
    }
    const at = Math.max(0, written.indexOf(state.current));
    const moves = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0,
      End: written.length - 1 };
    if (!(event.key in moves)) {
      return;
    }
    event.preventDefault();
    state.following = false;
    show(written[Math.min(written.length - 1, Math.max(0, moves[event.key]))], true);
  }

  function clearStudio() {
    state.slides.clear();
    state.current = null;
    state.following = true;
    state.rewriting.clear();
    $("slide-list").replaceChildren();
    $("main-view").replaceChildren(el("p", "Slides appear here as they are written.", "hint"));
    delete $("main-view").dataset.version;
    $("slide-tools").classList.add("hidden");
    setHistoryOpen(false);
    say("");
  }

  // ---- the chosen slide: rewrite it, read its history, bring an older version back ---------------

  function say(text, bad) {
    const status = $("slide-status");
    status.textContent = text;
    status.classList.toggle("bad", !!bad);
  }

  function showSlideTools(data, moved) {
    $("slide-tools").classList.remove("hidden");
    $("slide-caption").textContent = `Slide ${data.slide_index + 1}, version ${data.version}: ${data.title || ""}`;
    $("toggle-history").textContent = `History of slide ${data.slide_index + 1}`;
    if (moved) {
      say(state.rewriting.has(data.slide_index) ? `Slide ${data.slide_index + 1} is being rewritten...` : "");
    }
    if (state.historyOpen) {
      loadHistory();
    }
  }

  // POST /generations for the one slide; its new version arrives as slide_complete, then deck_complete.
  async function regenerate(event) {
    event.preventDefault();
    const index = state.current;
    if (index === null || !state.deckId) {
      return;
    }
    const instructions = $("regenerate-instructions").value.trim();
    const asked = instructions ? `"${instructions}"` : "no instructions";
    // Marked before asking: the new version may arrive over the socket before the 202 does.
    state.rewriting.set(index, asked);
    try {
      await api(`/api/v1/decks/${encodeURIComponent(state.deckId)}/generations`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ slideIndexes: [index], instructions: instructions || null }),
      });
      if (state.rewriting.has(index)) {
        say(`Slide ${index + 1} is being rewritten (${asked})...`);
      }
    } catch (e) {
      state.rewriting.delete(index);
      say(`Slide ${index + 1} could not be rewritten: ${e.message}`, true);
    }
  }

  // GraphQL answers 200 with "errors" when it refuses; each carries the shared shape in extensions.error.
  async function graphql(query, variables) {
    const response = await api("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const answer = await response.json();
    if (answer.errors && answer.errors.length) {
      const first = answer.errors[0];
      const shaped = first.extensions && first.extensions.error;
      log("graphql_error", answer.errors);
      throw new Error((shaped && shaped.message) || first.message || "The query was refused");
    }
    return answer.data;
  }

  const HISTORY_QUERY = `query History($id: ID!) { deck(id: $id) { slides { index currentVersion
    versions { version title layout reason createdBy createdAt bullets { text } secondColumn { text } table } } } }`;

  function setHistoryOpen(open) {
    state.historyOpen = open;
    $("history").classList.toggle("hidden", !open);
    $("toggle-history").setAttribute("aria-expanded", String(open));
    if (open) {
      loadHistory();
    }
  }

  async function loadHistory() {
    const index = state.current;
    const asked = ++state.historyAsked;
    $("history-title").textContent = `History of slide ${index + 1}`;
    try {
      const data = await graphql(HISTORY_QUERY, { id: state.deckId });
      const slide = data.deck && (data.deck.slides || []).find((s) => s.index === index);
      if (asked === state.historyAsked && state.current === index) {
        renderHistory(index, slide);
      }
    } catch (e) {
      if (asked === state.historyAsked) {
        $("history-list").replaceChildren();
        say(`The history of slide ${index + 1} could not be read: ${e.message}`, true);
      }
    }
  }

  function renderHistory(index, slide) {
    const list = $("history-list");
    list.replaceChildren();
    const versions = slide ? [...slide.versions].sort((a, b) => b.version - a.version) : [];
    const current = versions.find((v) => v.version === slide.currentVersion) || versions[0];
    for (const v of versions) {
      list.append(historyEntry(index, v, current));
    }
    if (versions.length === 0) {
      list.append(el("li", "No version of this slide is stored yet.", "hint"));
    }
  }

  function historyEntry(index, v, current) {
    const item = el("li", null, "version");
    item.dataset.version = v.version;
    const isCurrent = v.version === current.version;
    const head = el("p", null, "version-head");
    head.append(el("strong", `Version ${v.version}${isCurrent ? " (current)" : ""}`));
    const when = el("time", v.createdAt ? new Date(v.createdAt).toLocaleString() : "");
    when.dateTime = v.createdAt || "";
    head.append(" · ", when, " · ", el("span", v.reason || "no reason given", "version-reason"));
    if (v.createdBy) {
      head.append(" · ", el("span", v.createdBy === tokenSubject() ? "by you" : `by ${v.createdBy}`, "version-who"));
    }
    item.append(head);
    if (isCurrent) {
      item.append(el("p", v.title || "", "version-title"), el("p", versionText(v), "version-text"));
      return item;
    }
    const title = diffParagraph(current.title || "", v.title || "", "version-title");
    const text = diffParagraph(versionText(current), versionText(v), "version-text");
    item.append(title, text);
    if (!title.querySelector("del, ins") && !text.querySelector("del, ins")) {
      item.append(el("p", "The same words as the current version.", "hint"));
    }
    const restore = el("button", `Restore version ${v.version}`, "restore");
    restore.type = "button";
    restore.dataset.version = v.version;
    restore.setAttribute("aria-label", `Restore version ${v.version} of slide ${index + 1} as its newest version`);
    restore.addEventListener("click", () => restoreVersion(index, v.version));
    item.append(restore);
    return item;
  }

  // What a version says, as one run of words: its bullets, second column and table rows, each after a
  // bullet sign (a word of its own to the diff, so a bullet added or dropped shows as one run).
  function versionText(v) {
    const parts = [];
    for (const b of (v.bullets || []).concat(v.secondColumn || [])) {
      parts.push(b.text);
    }
    for (const row of v.table || []) {
      parts.push(row.join(" "));
    }
    return parts.map((part) => "\u2022 " + part).join(" ").replace(/\s+/g, " ").trim();
  }

  // The words of `from` (the current version) turned into those of `to`: a longest common subsequence
  // of words, its gaps shown as runs struck through (in `from` only) or marked (in `to` only). Walked
  // from the end, so a whole bullet added or dropped is one run that starts with its bullet sign.
  function diffParagraph(from, to, className) {
    const a = (from ? from.split(" ") : []).reverse();
    const b = (to ? to.split(" ") : []).reverse();
    const common = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    const steps = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        steps.push(["same", a[i++]]);
        j++;
      } else if (j < b.length && (i === a.length || common[i][j + 1] >= common[i + 1][j])) {
        steps.push(["ins", b[j++]]);
      } else {
        steps.push(["del", a[i++]]);
      }
    }
    const runs = [];
    for (const [kind, word] of steps.reverse()) {
      const last = runs[runs.length - 1];
      if (last && last.kind === kind) {
        last.words.push(word);
      } else {
        runs.push({ kind, words: [word] });
      }
    }
    const paragraph = el("p", null, className);
    runs.forEach((run, n) => {
      const text = run.words.join(" ");
      if (run.kind === "same") {
        paragraph.append(text);
      } else {
        const mark = el(run.kind);
        mark.append(el("span", run.kind === "del" ? "current only: " : "this version only: ", "sr-only"), text);
        paragraph.append(mark);
      }
      if (n < runs.length - 1) {
        paragraph.append(" ");
      }
    });
    return paragraph;
  }

  function tokenSubject() {
    try {
      const payload = state.token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(payload)).sub;
    } catch (e) {
      return null;
    }
  }

  const RESTORE = `mutation Restore($deck: ID!, $index: Int!, $version: Int!) {
    restoreSlideVersion(deckId: $deck, slideIndex: $index, version: $version) { version reason } }`;

  // The restored slide arrives as slide_complete (and redraws the main view); the history is read again.
  async function restoreVersion(index, version) {
    try {
      const data = await graphql(RESTORE, { deck: state.deckId, index, version });
      say(`Version ${version} of slide ${index + 1} is back, as version ${data.restoreSlideVersion.version}.`);
      $("history-title").focus(); // the button pressed is gone with the list it was in
      if (state.current === index) {
        loadHistory();
      }
    } catch (e) {
      say(`Version ${version} of slide ${index + 1} could not be restored: ${e.message}`, true);
    }
  }

  function askForPlan(event) {
    event.preventDefault();
    const documentIds = Array.from(state.selected);
    if (documentIds.length === 0) {
      log("not_sent", { reason: "Select at least one document" });
      return;
    }
    send("content_planning", {
      document_ids: documentIds,
      description: $("description").value,
      slide_count: Number($("slide-count").value) || 8,
      theme_id: $("theme").value || null,
      research: $("research").checked,
    });
  }

  function generate() {
    if (state.deckId) {
      clearStudio();
      loadSlideStyle(state.deckId);
      $("deck-progress").value = 0;
      $("export").classList.add("hidden");
      send("slide_generation", { deck_id: state.deckId });
    }
  }

  // Downloads are fetched with the token and handed over as blob URLs.
  async function exportBlob(format) {
    const response = await api(`/api/v1/decks/${encodeURIComponent(state.deckId)}/export?format=${encodeURIComponent(format)}`);
    return URL.createObjectURL(await response.blob());
  }

  // Opened from a blob URL the export would inherit this page's Content-Security-Policy and lose its
  // styles; so a form is posted into a new tab, where the gateway serves the export under a policy of
  // its own (HtmlExportPage). The token goes in the form's body: an address would keep it in the history.
  function openExport() {
    if (!state.token || !state.deckId) {
      return;
    }
    const form = el("form");
    form.method = "post";
    form.action = "/exports/html";
    form.target = "_blank";
    form.rel = "noopener";
    for (const [name, value] of [["access_token", state.token], ["deck_id", state.deckId]]) {
      const field = el("input");
      field.type = "hidden";
      field.name = name;
      field.value = value;
      form.append(field);
    }
    document.body.append(form);
    form.submit();
    form.remove();
  }

  async function downloadExport() {
    const format = $("export-format").value;
    try {
      const url = await exportBlob(format);
      const link = el("a");
      link.href = url;
      link.download = `slideo-${state.deckId}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (e) {
      // Logged by api().
    }
  }

  // ---- wiring --------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", () => {
    $("token-form").addEventListener("submit", (event) => {
      event.preventDefault();
      useToken($("token").value);
    });
    $("forget-token").addEventListener("click", () => useToken(null));
    $("upload-form").addEventListener("submit", upload);
    $("refresh-documents").addEventListener("click", loadDocuments);
    $("plan-form").addEventListener("submit", askForPlan);
    $("generate").addEventListener("click", generate);
    $("open-export").addEventListener("click", openExport);
    $("download-export").addEventListener("click", downloadExport);
    $("studio").addEventListener("keydown", onStudioKey);
    $("regenerate-form").addEventListener("submit", regenerate);
    $("toggle-history").addEventListener("click", () => setHistoryOpen(!state.historyOpen));
    window.addEventListener("resize", () => document.querySelectorAll(".slide-frame").forEach(fit));
    const fromAddress = takeTokenFromAddress();
    const remembered = fromAddress || sessionStorage.getItem(TOKEN_KEY);
    if (remembered) {
      useToken(remembered);
    }
  });
})();
