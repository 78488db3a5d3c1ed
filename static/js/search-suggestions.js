/* Search suggestions: progressive enhancement of every search field that has a
   data-suggestions-url. Without this script the field is a plain search form.
   The field becomes an ARIA 1.2 combobox with a list of page titles: arrows move in the
   list, Enter opens the chosen page, Escape closes the list; the number of suggestions is
   announced in a live region. */
(function () {
    "use strict";

    var script = document.currentScript;
    var messages = {
        none: (script && script.dataset.none) || "No suggestion",
        one: (script && script.dataset.one) || "1 suggestion",
        many: (script && script.dataset.many) || "%(count)s suggestions"
    };
    var MIN_LENGTH = 2;
    var DELAY = 200;

    function announce(region, count) {
        var text = count === 0 ? messages.none : count === 1 ? messages.one : messages.many;
        region.textContent = text.replace("%(count)s", String(count));
    }

    function enhance(input, index) {
        var url = input.dataset.suggestionsUrl;
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        var status = document.createElement("p");
        var timer = null;
        var controller = null;
        var items = [];
        var active = -1;

        list.id = listId;
        list.className = "suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.dataset.suggestionsLabel || "Suggestions");
        list.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        input.parentNode.classList.add("has-suggestions");
        input.parentNode.appendChild(list);
        input.parentNode.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(position) {
            items.forEach(function (item, i) {
                item.setAttribute("aria-selected", i === position ? "true" : "false");
            });
            active = position;
            if (position >= 0) {
                input.setAttribute("aria-activedescendant", items[position].id);
                items[position].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render(suggestions) {
            list.textContent = "";
            items = suggestions.map(function (suggestion, i) {
                var option = document.createElement("li");
                var title = document.createElement("span");
                var type = document.createElement("span");
                option.id = listId + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.dataset.url = suggestion.url;
                title.className = "suggestion-title";
                title.textContent = suggestion.title;
                type.className = "suggestion-type";
                type.textContent = suggestion.type;
                option.appendChild(title);
                option.appendChild(document.createTextNode(" "));
                option.appendChild(type);
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    window.location.href = suggestion.url;
                });
                list.appendChild(option);
                return option;
            });
            active = -1;
            list.hidden = items.length === 0;
            input.setAttribute("aria-expanded", items.length ? "true" : "false");
            announce(status, items.length);
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query.length < MIN_LENGTH) {
                render([]);
                status.textContent = "";
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            var separator = url.indexOf("?") === -1 ? "?" : "&";
            fetch(url + separator + "q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
                signal: controller.signal
            })
                .then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render(data.suggestions || []);
                    }
                })
                .catch(function () {
                    /* No suggestions: the form still works. */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" && items.length) {
                event.preventDefault();
                if (list.hidden) {
                    list.hidden = false;
                    input.setAttribute("aria-expanded", "true");
                }
                highlight((active + 1) % items.length);
            } else if (event.key === "ArrowUp" && items.length) {
                event.preventDefault();
                highlight(active <= 0 ? items.length - 1 : active - 1);
            } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
                event.preventDefault();
                window.location.href = items[active].dataset.url;
            } else if (event.key === "Escape" && !list.hidden) {
                event.preventDefault();
                close();
            }
        });

        input.addEventListener("blur", close);
    }

    document.querySelectorAll("input[data-suggestions-url]").forEach(enhance);
})();
