/* Suggestions for search boxes: the WAI-ARIA combobox pattern with a listbox popup
   (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Without this script the box is
   a plain GET form. Strings come from data attributes, so they are translated. */
(function () {
  "use strict";

  var DELAY = 200;

  function setUp(input) {
    var status = document.getElementById(input.dataset.suggestStatus);
    var list = document.createElement("ul");
    list.id = input.id + "-listbox";
    list.className = "combobox__listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var timer = null;
    var active = -1;
    var requestCount = 0;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(next) {
      var items = options();
      if (!items.length) return;
      active = (next + items.length) % items.length;
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function render(suggestions) {
      list.textContent = "";
      suggestions.forEach(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.url = suggestion.url;
        var title = document.createElement("span");
        title.textContent = suggestion.title;
        var type = document.createElement("span");
        type.className = "combobox__type";
        type.textContent = suggestion.type;
        item.appendChild(title);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(type);
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = suggestion.url;
        });
        list.appendChild(item);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (suggestions.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      if (status) {
        status.textContent = suggestions.length
          ? input.dataset.suggestCountText.replace("%(count)s", suggestions.length)
          : "";
      }
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text.length < 2) {
        close();
        return;
      }
      var mine = ++requestCount;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (mine === requestCount) render(data.suggestions || []);
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (open) highlight(active + 1);
        else fetchSuggestions();
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        window.location.href = options()[active].dataset.url;
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-suggest-url]").forEach(setUp);
})();
