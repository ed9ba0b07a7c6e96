// Follow a live game: the server pushes its state (server-sent events); on each new version
// the changing part of the page is fetched again. The clock shown counts down the remaining
// milliseconds the server sent; the server alone decides when a question closes.
(function () {
  "use strict";
  var root = document.querySelector("[data-live-events]");
  var panel = document.getElementById("live-panel");
  if (!root || !panel || !window.EventSource || !window.fetch) return;
  var status = document.getElementById("live-status");
  var version = Number(panel.dataset.version);
  var timer = null;
  var loading = false;
  var again = false;

  function countdown() {
    if (timer) clearInterval(timer);
    var clock = panel.querySelector("[data-remaining-ms]");
    if (!clock) return;
    var end = Date.now() + Number(clock.dataset.remainingMs);
    function tick() {
      var left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      // The page gives the words in its own language; {s} stands for the seconds.
      clock.textContent = left > 0
        ? (root.dataset.left || "{s} s left").replace("{s}", left)
        : root.dataset.up || "Time is up";
      if (left <= 0) clearInterval(timer);
    }
    tick();
    timer = setInterval(tick, 250);
  }

  // Whether someone is typing in a field (outside the panel, which has none): leave them be.
  function typing(element) {
    if (!element || element === document.body) return false;
    if (element.isContentEditable) return true;
    if (element.tagName === "TEXTAREA" || element.tagName === "SELECT") return true;
    return element.tagName === "INPUT" &&
      !/^(button|submit|reset|checkbox|radio|image|hidden|range|color|file)$/i.test(element.type);
  }

  // The element of the new panel that stands where the focused one stood (the same answer
  // button, the same heading), if there is one.
  function counterpart(element) {
    if (element.id) return document.getElementById(element.id);
    var candidates = panel.querySelectorAll(element.tagName);
    for (var i = 0; i < candidates.length; i++) {
      var candidate = candidates[i];
      if (candidate.name === element.name && candidate.value === element.value &&
          candidate.textContent === element.textContent) return candidate;
    }
    return null;
  }

  // Bring the player to the panel: focus its heading, which a screen reader then reads out
  // (so the status line is left empty: the change is said once). Someone typing elsewhere
  // keeps their place and hears the heading through the status line instead.
  function arrive(heading, active) {
    if (!heading) return;
    if (typing(active) && !panel.contains(active)) {
      if (status) status.textContent = heading.textContent.trim();
      return;
    }
    if (status) status.textContent = "";
    heading.focus();
  }

  function swap(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html.trim();
    var fresh = holder.content.firstElementChild;
    if (!fresh || fresh.id !== "live-panel") return;
    var active = document.activeElement;
    var inside = panel.contains(active);
    // A new step: the lobby, a new question, its answer received, its result, the end.
    var moved = fresh.dataset.step !== panel.dataset.step;
    panel.replaceWith(fresh);
    panel = fresh;
    version = Math.max(version, Number(panel.dataset.version));
    countdown();
    var same = inside && !moved ? counterpart(active) : null;
    if (same && panel.contains(same)) same.focus();
    else if (moved || inside) arrive(panel.querySelector("h1"), active);
  }

  function refresh() {
    if (loading) { again = true; return; }
    loading = true;
    fetch(root.dataset.livePanel, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) { window.location.reload(); return ""; }
        return response.text();
      })
      .then(function (html) { if (html) swap(html); })
      .catch(function () { /* the stream reconnects and tells us again */ })
      .then(function () {
        loading = false;
        if (again) { again = false; refresh(); }
      });
  }

  // A button of the panel (an answer, the host's next step) sends its form and the page
  // loads again: focus the new panel's heading then, as when the panel changes in place, or
  // the message the server had for the sender ("Too late: ...") if there is one.
  var SENT = "quiz-live-sent";
  root.addEventListener("submit", function (event) {
    if (!panel.contains(event.target)) return;
    try { sessionStorage.setItem(SENT, window.location.pathname); } catch (e) { /* off */ }
  });
  try {
    if (sessionStorage.getItem(SENT) === window.location.pathname) {
      sessionStorage.removeItem(SENT);
      var note = document.querySelector("main .flashes");
      if (note) {
        note.tabIndex = -1;
        note.focus();
      } else {
        arrive(panel.querySelector("h1"), document.activeElement);
      }
    }
  } catch (e) { /* no storage: the page starts at the top, as any other */ }

  var events = new EventSource(root.dataset.liveEvents);
  events.addEventListener("state", function (message) {
    var game = JSON.parse(message.data);
    if (game.version > version || game.state !== panel.dataset.state) {
      refresh();
    } else {
      var count = panel.querySelector("[data-answered-count]");
      if (count) count.textContent = game.answered;
    }
    if (game.state === "finished") events.close();
  });
  events.addEventListener("superseded", function () {
    // The game is followed in another tab or window now: stop here instead of taking it back.
    events.close();
    var note = document.createElement("p");
    note.className = "flash";
    note.textContent = root.dataset.superseded ||
      "This game is open in another tab or window. Reload this page to follow it here.";
    root.insertBefore(note, root.firstChild);
    if (status) status.textContent = note.textContent;
  });
  events.addEventListener("kicked", function () {
    events.close();
    window.location.reload();
  });
  countdown();
})();
