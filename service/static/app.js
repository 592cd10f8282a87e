// Autocomplete for the search box from /api/suggest (fills the <datalist>).
// The page works without this file: the form is a plain GET.
(function () {
  "use strict";
  const input = document.getElementById("q");
  const list = document.getElementById("suggestions");
  if (!input || !list || !window.fetch) return;
  let timer = null;
  let controller = null;

  function lastWord(value) {
    const words = value.trim().split(/\s+/);
    return { head: words.slice(0, -1).join(" "), word: words[words.length - 1] || "" };
  }

  function fill(head, suggestions) {
    list.replaceChildren();
    for (const item of suggestions) {
      const option = document.createElement("option");
      option.value = head ? head + " " + item.text : item.text;
      list.appendChild(option);
    }
  }

  async function complete() {
    const { head, word } = lastWord(input.value);
    if (word.length < 2) { list.replaceChildren(); return; }
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const response = await fetch("/api/suggest?size=8&q=" + encodeURIComponent(word),
                                   { signal: controller.signal });
      if (!response.ok) return;
      const body = await response.json();
      fill(head, body.suggestions || []);
    } catch (error) {
      if (error.name !== "AbortError") list.replaceChildren();
    }
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(complete, 150);
  });
})();
