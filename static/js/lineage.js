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
