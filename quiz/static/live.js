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

  function swap(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html.trim();
    var fresh = holder.content.firstElementChild;
    if (!fresh || fresh.id !== "live-panel") return;
    var hadFocus = panel.contains(document.activeElement);
    panel.replaceWith(fresh);
    panel = fresh;
    version = Math.max(version, Number(panel.dataset.version));
    countdown();
    var heading = panel.querySelector("h1");
    if (heading && status) status.textContent = heading.textContent;
    if (hadFocus && heading) heading.focus();
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
