// Progressive enhancements of the search page; it works without this file (plain GET forms).
// 1. Autocomplete: the <datalist> is filled from /api/suggest, which completes the last word
//    and keeps the words before it.
// 2. Recent queries: kept in this browser only (localStorage), never sent to the server.
(function () {
  "use strict";
  const RECENT_KEY = "arabic-search.recent";
  const RECENT_MAX = 8;
  const SUGGEST_DELAY_MS = 150;
  const MIN_PREFIX = 2;

  function readRecent() {
    try {
      const items = JSON.parse(window.localStorage.getItem(RECENT_KEY) || "[]");
      return Array.isArray(items) ? items.filter((item) => typeof item === "string") : [];
    } catch (error) {
      return [];  // storage disabled or corrupt: no history
    }
  }

  function remember(query) {
    const items = [query].concat(readRecent().filter((item) => item !== query)).slice(0, RECENT_MAX);
    try { window.localStorage.setItem(RECENT_KEY, JSON.stringify(items)); } catch (error) { /* full or disabled */ }
  }

  function showRecent(nav, current) {
    const items = readRecent().filter((item) => item !== current);
    if (!nav || items.length === 0) return;
    nav.replaceChildren(document.createTextNode("عمليات بحثك الأخيرة: "));
    for (const item of items) {
      const link = document.createElement("a");
      link.href = "/?q=" + encodeURIComponent(item);
      const isolate = document.createElement("bdi");
      isolate.textContent = item;  // text, never HTML
      link.appendChild(isolate);
      nav.appendChild(link);
    }
    nav.hidden = false;
  }

  function setUpAutocomplete(input, list) {
    let timer = null;
    let controller = null;

    function fill(suggestions) {
      list.replaceChildren();
      for (const item of suggestions) {
        const option = document.createElement("option");
        option.value = item.text;
        list.appendChild(option);
      }
    }

    async function complete() {
      const value = input.value.replace(/^\s+/, "");
      const words = value.trim().split(/\s+/);
      if ((words[words.length - 1] || "").length < MIN_PREFIX) { list.replaceChildren(); return; }
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const response = await fetch("/api/suggest?size=8&q=" + encodeURIComponent(value),
                                     { signal: controller.signal });
        if (!response.ok) { list.replaceChildren(); return; }
        const body = await response.json();
        fill(body.suggestions || []);
      } catch (error) {
        if (error.name !== "AbortError") list.replaceChildren();
      }
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(complete, SUGGEST_DELAY_MS);
    });
  }

  const input = document.getElementById("q");
  const list = document.getElementById("suggestions");
  const query = new URLSearchParams(window.location.search).get("q");
  const onResults = window.location.pathname === "/" && query && query.trim();
  if (onResults && document.getElementById("summary")) remember(query.trim());
  showRecent(document.getElementById("recent"), onResults ? query.trim() : null);
  if (input && list && window.fetch) setUpAutocomplete(input, list);
})();
