// Agreed language: results update as the user types (debounced). Without JavaScript the
// form submits normally; with it, the server renders the same results fragment (escaped
// HTML) and we swap it in, keeping the URL shareable.
(function () {
  var form = document.querySelector("[data-agreed-form]");
  if (!form) return;
  var results = document.getElementById("agreed-results");
  var announce = document.getElementById("agreed-announce");
  var textarea = form.querySelector("textarea[name=text]");
  var timer = null;
  var controller = null;
  var lastQuery = null;

  function query() {
    var params = new URLSearchParams(new FormData(form));
    return params.toString();
  }

  function refresh() {
    var q = query();
    if (q === lastQuery) return;
    lastQuery = q;
    if (controller) controller.abort();
    controller = new AbortController();
    results.setAttribute("aria-busy", "true");
    fetch(form.getAttribute("data-fragment-url") + "?" + q + "&fragment=1", {
      signal: controller.signal,
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        results.innerHTML = html;  // server-rendered, auto-escaped
        results.removeAttribute("aria-busy");
        var status = results.querySelector(".agreed-status");
        if (status && announce) announce.textContent = status.textContent;
        if (window.history && history.replaceState) {
          history.replaceState(null, "", "?" + q);
        }
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          results.removeAttribute("aria-busy");
          lastQuery = null;  // let the next keystroke retry
        }
      });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }

  textarea.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    lastQuery = null;
    refresh();
  });
})();

// Comparison: "Show only differences" toggles in place (the link it replaces reloads the
// page with ?changes=1 or ?changes=0 without JavaScript), and "Previous change" / "Next
// change" buttons move focus from one change to the next.
(function () {
  var toolbar = document.querySelector("[data-compare-toolbar]");
  var rows = document.querySelector("[data-compare-rows]");
  if (!toolbar || !rows) return;
  var link = toolbar.querySelector("[data-compare-toggle]");
  var status = toolbar.querySelector("[data-compare-status]");
  var nav = toolbar.querySelector(".compare-toolbar__nav");
  if (!link || !nav) return;  // no differences: nothing to toggle or visit

  var identical = rows.querySelectorAll(".compare-row--matched");
  var total = rows.querySelectorAll(".compare-row").length;
  var changes = function () {
    return Array.prototype.slice.call(rows.querySelectorAll(".compare-row__head[id^='change-']"));
  };
  var onlyChanges = identical.length === 0 || identical[0].hidden;

  var toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "button--quiet";
  toggle.textContent = "Show only differences";
  link.parentNode.replaceChild(toggle, link);

  function render() {
    toggle.setAttribute("aria-pressed", onlyChanges ? "true" : "false");
    identical.forEach(function (row) { row.hidden = onlyChanges; });
    var n = changes().length;
    status.textContent = onlyChanges
      ? "Showing the " + n + " difference" + (n === 1 ? "" : "s") + "; " + identical.length +
        " identical paragraph" + (identical.length === 1 ? "" : "s") + " hidden."
      : "Showing all " + total + " paragraphs.";
  }

  toggle.addEventListener("click", function () {
    onlyChanges = !onlyChanges;
    render();
    if (window.history && history.replaceState) {
      var url = new URL(window.location.href);
      url.searchParams.set("changes", onlyChanges ? "1" : "0");
      history.replaceState(null, "", url.toString());
    }
  });
  render();

  // Previous / next change: from the focused change, or else from what is on screen.
  function focusedIndex(targets) {
    var el = document.activeElement;
    var row = el && el.closest ? el.closest(".compare-row") : null;
    var head = row ? row.querySelector(".compare-row__head[id^='change-']") : null;
    return head ? targets.indexOf(head) : -1;
  }

  var visited = null;  // the change last moved to: the toolbar's buttons take the focus

  function onScreen(el) {
    var rect = el.getBoundingClientRect();
    return rect.bottom > 0 && rect.top < window.innerHeight;
  }

  function go(step) {
    var targets = changes();
    var next = focusedIndex(targets);
    if (next < 0 && visited && onScreen(visited)) next = targets.indexOf(visited);
    if (next >= 0) {
      next += step;
    } else {
      var line = toolbar.getBoundingClientRect().bottom;
      var tops = targets.map(function (t) { return t.getBoundingClientRect().top; });
      next = step > 0 ? targets.length : -1;
      tops.forEach(function (top, i) {
        if (step > 0 && top > line + 8 && next === targets.length) next = i;
        if (step < 0 && top < line - 8) next = i;
      });
    }
    if (next < 0 || next >= targets.length) {
      status.textContent = step > 0 ? "No next change: this is the last." : "No previous change: this is the first.";
      return;
    }
    var target = visited = targets[next];
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
    status.textContent = "Change " + (next + 1) + " of " + targets.length + ".";
    if (window.history && history.replaceState) history.replaceState(null, "", "#" + target.id);
  }

  var previous = document.createElement("button");
  previous.type = "button";
  previous.className = "button--quiet";
  previous.textContent = "Previous change";
  previous.setAttribute("aria-keyshortcuts", "p");
  var following = document.createElement("button");
  following.type = "button";
  following.className = "button--quiet";
  following.textContent = "Next change";
  following.setAttribute("aria-keyshortcuts", "n");
  previous.addEventListener("click", function () { go(-1); });
  following.addEventListener("click", function () { go(1); });
  nav.insertBefore(following, nav.firstChild);
  nav.insertBefore(previous, nav.firstChild);

  // "n" and "p" outside form fields, as in other diff viewers.
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || event.target.isContentEditable) return;
    if (event.key === "n") { event.preventDefault(); go(1); }
    else if (event.key === "p") { event.preventDefault(); go(-1); }
  });
})();
