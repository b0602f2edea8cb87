// Search-as-you-type for the search box: an ARIA 1.2 combobox over GET /api/v1/suggest.
// Progressive enhancement only: without this script the form submits as usual.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("q-suggestions");
  if (!input || !list || !window.fetch || !input.form) return;
  var items = [], active = -1, timer = null, asked = "", pending = null;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function span(className, text) {
    var element = document.createElement("span");
    element.className = className;
    element.textContent = text;
    return element;
  }

  function render(suggestions) {
    list.textContent = "";
    items = suggestions;
    active = -1;
    suggestions.forEach(function (suggestion, i) {
      var option = document.createElement("li");
      option.id = "q-suggestion-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.appendChild(span("suggestion-text", suggestion.text));
      var kind = list.getAttribute("data-kind-" + suggestion.kind);
      if (kind) option.appendChild(span("suggestion-kind", kind));
      if (suggestion.detail) option.appendChild(span("suggestion-detail", suggestion.detail));
      // mousedown, not click: the input's blur would close the list first.
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
        choose(i);
      });
      list.appendChild(option);
    });
    if (!suggestions.length) return close();
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function select(i) {
    var options = list.children;
    for (var j = 0; j < options.length; j++) {
      options[j].setAttribute("aria-selected", j === i ? "true" : "false");
    }
    active = i;
    if (i >= 0) input.setAttribute("aria-activedescendant", options[i].id);
    else input.removeAttribute("aria-activedescendant");
  }

  function choose(i) {
    input.value = items[i].query;
    close();
    input.form.submit();
  }

  function ask() {
    var typed = input.value.trim();
    if (typed === asked) return;
    asked = typed;
    if (pending) pending.abort();
    if (!typed) return render([]);
    pending = new AbortController();
    fetch("/api/v1/suggest?limit=8&q=" + encodeURIComponent(typed), {
      signal: pending.signal,
      headers: { Accept: "application/json" },
    })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (body) { if (input.value.trim() === typed) render(body.suggestions); })
      .catch(function () { /* aborted by newer typing, or offline: no suggestions */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 120);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      // -1 is the text itself: moving past the last option comes back to it, and round.
      var next = active + (event.key === "ArrowDown" ? 1 : -1);
      if (next >= items.length) next = -1;
      if (next < -1) next = items.length - 1;
      select(next);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", close);
})();
