/* Akhbar search page (issue 5): Pagefind's JS API with the theme's own RTL markup.
   Does nothing on pages without #search[data-bundle]. The query is normalised exactly like the
   indexed text (normalizeArabic below is a copy of plugin/search/normalize.ts, kept identical by
   test/search-normalize.test.ts). Results show the original words: the index stores them as the
   metadata field "text", and the words Pagefind matched are marked in it. */
(function () {
  "use strict";

  // --- normalizeArabic: keep in step with plugin/search/normalize.ts ---------------------------
  var MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
  var LETTERS = { "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0629": "\u0647", "\u0649": "\u064A", "\u06CC": "\u064A", "\u06A9": "\u0643" };
  var LETTER = /[\u0622\u0623\u0625\u0629\u0649\u0671\u06A9\u06CC]/g;
  var DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;
  var WORD = /[\u0621-\u063A\u0641-\u064A\u066E-\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF]+/g;
  var PREFIXES = [["\u0648\u0627\u0644", 3], ["\u0641\u0627\u0644", 3], ["\u0628\u0627\u0644", 3],
    ["\u0643\u0627\u0644", 3], ["\u0644\u0644", 3], ["\u0627\u0644", 2]];

  function digit(d) {
    var code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  }
  function stripArticle(word) {
    for (var i = 0; i < PREFIXES.length; i++) {
      var p = PREFIXES[i][0];
      if (word.indexOf(p) === 0 && word.length - p.length >= PREFIXES[i][1]) return word.slice(p.length);
    }
    return word;
  }
  function normalizeArabic(text) {
    if (typeof text !== "string" || text === "") return "";
    return text.split(/(\s+)/).map(function (token) {
      if (token === "" || /^\s+$/.test(token)) return token;
      var plain = token.replace(MARKS, "").replace(LETTER, function (c) { return LETTERS[c]; })
        .replace(DIGIT, digit).toLowerCase().replace(WORD, stripArticle);
      return plain === "" ? token : plain;
    }).join("");
  }
  // --------------------------------------------------------------------------------------------

  var root = document.getElementById("search");
  if (!root || !root.getAttribute("data-bundle")) return;

  var PAGE = 10;
  var WINDOW = 32;
  var form = root.querySelector(".search__form");
  var input = root.querySelector("#search-q");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
  var status = root.querySelector(".search__status");
  var list = root.querySelector(".search__results");
  var more = root.querySelector(".search__more");
  var str = function (name) { return root.getAttribute("data-str-" + name) || ""; };
  var pagefind;
  var current = [];
  var shown = 0;
  var generation = 0;
  var timer;

  function el(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  var edge = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  function key(word) { return normalizeArabic(word).replace(edge, ""); }

  /** Normalised words Pagefind matched in this result (its content is the normalised text). */
  function matchedWords(data) {
    var words = (data.content || "").split(/\s+/);
    var set = new Set();
    (data.locations || []).forEach(function (at) {
      var w = (words[at] || "").replace(edge, "");
      if (w) set.add(w);
    });
    return set;
  }

  /** Append `words` (original spelling) to `parent`, marking those whose key was matched. */
  function appendWords(parent, words, matched) {
    words.forEach(function (word, i) {
      if (i > 0) parent.appendChild(document.createTextNode(" "));
      if (matched.has(key(word))) parent.appendChild(el("mark", "", word));
      else parent.appendChild(document.createTextNode(word));
    });
  }

  /** The window of the original text with the most matched words (or its start). */
  function excerptWords(text, title, matched) {
    var words = text.split(/\s+/).filter(Boolean);
    var skip = title ? title.split(/\s+/).filter(Boolean).length : 0;
    var hits = [];
    words.forEach(function (w, i) { if (i >= skip && matched.has(key(w))) hits.push(i); });
    var start = skip;
    if (hits.length) {
      var best = 0;
      for (var a = 0, b = 0; a < hits.length; a++) {
        while (b < hits.length && hits[b] < hits[a] + WINDOW - 8) b++;
        if (b - a > best) { best = b - a; start = Math.max(0, hits[a] - 8); }
      }
    }
    return { before: start > 0, words: words.slice(start, start + WINDOW), after: start + WINDOW < words.length };
  }

  function renderResult(data) {
    var matched = matchedWords(data);
    var meta = data.meta || {};
    var title = meta.title || data.url;
    var item = el("li", "search-result");
    var h = el("h2", "search-result__title");
    var link = el("a");
    link.href = data.url;
    appendWords(link, title.split(/\s+/).filter(Boolean), matched);
    h.appendChild(link);
    item.appendChild(h);
    if (meta.date) item.appendChild(el("p", "search-result__date", meta.date));
    var ex = excerptWords(meta.text || "", meta.title, matched);
    var p = el("p", "search-result__excerpt");
    if (ex.before) p.appendChild(document.createTextNode("… "));
    appendWords(p, ex.words, matched);
    if (ex.after) p.appendChild(document.createTextNode(" …"));
    item.appendChild(p);
    return item;
  }

  function showMore(focusFirst) {
    var mine = generation;
    var slice = current.slice(shown, shown + PAGE);
    shown += slice.length;
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (all) {
      if (mine !== generation) return;
      var first;
      all.forEach(function (data) {
        var item = renderResult(data);
        first = first || item.querySelector("a");
        list.appendChild(item);
      });
      more.hidden = shown >= current.length;
      list.removeAttribute("aria-busy");
      if (focusFirst && first) first.focus();
    });
  }

  function filters() {
    var f = {};
    selects.forEach(function (s) { if (s.value) f[s.getAttribute("data-filter")] = s.value; });
    return f;
  }

  function syncUrl() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    selects.forEach(function (s) { if (s.value) params.set(s.name, s.value); });
    var qs = params.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
  }

  function run() {
    var mine = ++generation;
    var query = normalizeArabic(input.value).trim();
    var f = filters();
    list.textContent = "";
    more.hidden = true;
    current = [];
    shown = 0;
    if (!query && !Object.keys(f).length) { status.textContent = ""; return Promise.resolve(); }
    list.setAttribute("aria-busy", "true");
    status.textContent = str("loading");
    return pagefind.search(query || null, { filters: f }).then(function (search) {
      if (mine !== generation || !search) return;
      current = search.results;
      status.textContent = current.length ? str("count").replace("{count}", String(current.length)) : str("none");
      if (!current.length) { list.removeAttribute("aria-busy"); return; }
      return showMore(false);
    });
  }

  function fillFilters(available) {
    selects.forEach(function (s) {
      var counts = available[s.getAttribute("data-filter")] || {};
      var names = Object.keys(counts);
      names.sort(s.name === "year" ? function (a, b) { return b.localeCompare(a); } : function (a, b) { return a.localeCompare(b, "ar"); });
      names.forEach(function (name) { s.appendChild(new Option(name, name)); });
    });
  }

  function fail() { status.textContent = str("error"); list.removeAttribute("aria-busy"); }

  form.hidden = false;
  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  var header = document.getElementById("site-search-q");
  if (header && !header.value) header.value = input.value;

  import(root.getAttribute("data-bundle") + "pagefind.js").then(function (mod) {
    pagefind = mod;
    return pagefind.filters();
  }).then(function (available) {
    fillFilters(available || {});
    selects.forEach(function (s) {
      var wanted = params.get(s.name);
      if (wanted && Array.prototype.some.call(s.options, function (o) { return o.value === wanted; })) s.value = wanted;
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      syncUrl();
      run().catch(fail);
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { syncUrl(); run().catch(fail); }, 250);
    });
    selects.forEach(function (s) { s.addEventListener("change", function () { syncUrl(); run().catch(fail); }); });
    more.addEventListener("click", function () { showMore(true).catch(fail); });
    root.setAttribute("data-ready", "true");
    return run();
  }).catch(fail);
})();
