// Show the seconds left for the speed bonus. The server keeps the real time; this is a hint.
(function () {
  var el = document.getElementById("timer");
  if (!el) return;
  var limit = Number(el.dataset.limit);
  var served = Number(el.dataset.served) * 1000 || Date.now();
  function tick() {
    var left = Math.max(0, Math.ceil(limit - (Date.now() - served) / 1000));
    // The page gives the sentences in its own language; {s} stands for the seconds.
    el.textContent = left > 0
      ? (el.dataset.left || "{s} s left for the speed bonus.").replace("{s}", left)
      : el.dataset.up || "Time is up: from now on, being right is worth 500 points.";
    if (left > 0) setTimeout(tick, 1000);
  }
  tick();
})();
