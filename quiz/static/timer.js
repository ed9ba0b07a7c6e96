// Show the seconds left for the speed bonus. The server keeps the real time; this is a hint.
(function () {
  var el = document.getElementById("timer");
  if (!el) return;
  var limit = Number(el.dataset.limit);
  var served = Number(el.dataset.served) * 1000 || Date.now();
  function tick() {
    var left = Math.max(0, Math.ceil(limit - (Date.now() - served) / 1000));
    el.textContent = left > 0
      ? left + " s left for the speed bonus."
      : "Time is up: a right answer now scores 500 points.";
    if (left > 0) setTimeout(tick, 1000);
  }
  tick();
})();
