// Akhbar ticker, progressive enhancement. Without this script the bar is a static list; with it,
// the pause button appears and ticker.css starts the motion ([data-ticker-ready]).
(function () {
  "use strict";
  function setup(bar) {
    if (bar.hasAttribute("data-ticker-ready") || bar.classList.contains("akhbar-ticker--static")) return;
    var button = bar.querySelector(".akhbar-ticker__toggle");
    var list = bar.querySelector(".akhbar-ticker__list");
    var track = bar.querySelector(".akhbar-ticker__track");
    var viewport = bar.querySelector(".akhbar-ticker__viewport");
    if (!button || !list || !track || !viewport) return;
    var speed = Number(bar.getAttribute("data-speed")) || 60;
    // Duration from the measured width so that the speed in px/s holds for any number of items.
    function fit() {
      var width = list.getBoundingClientRect().width;
      if (width > 0) track.style.setProperty("--akhbar-ticker-duration", (width / speed).toFixed(2) + "s");
    }
    // Keyboard focus pauses the bar (CSS :focus-within); also bring the focused item into view by
    // moving the animation to the moment when that item's start is at the bar's start edge.
    bar.addEventListener("focusin", function (event) {
      var item = event.target.closest && event.target.closest(".akhbar-ticker__item");
      var animation = track.getAnimations && track.getAnimations()[0];
      if (!item || !animation || !animation.effect) return;
      viewport.scrollLeft = 0;
      var view = viewport.getBoundingClientRect();
      var box = item.getBoundingClientRect();
      if (box.left >= view.left - 1 && box.right <= view.right + 1) return;
      var rtl = getComputedStyle(bar).direction === "rtl";
      var whole = list.getBoundingClientRect();
      var offset = rtl ? whole.right - box.right : box.left - whole.left;
      var duration = Number(animation.effect.getTiming().duration) || 0;
      if (duration > 0 && whole.width > 0) animation.currentTime = (offset / whole.width) * duration;
    });
    // The seamless loop needs a second copy of the list: hidden from assistive technology,
    // inert, its links out of the tab order.
    var copy = list.cloneNode(true);
    copy.classList.add("akhbar-ticker__list--copy");
    copy.setAttribute("aria-hidden", "true");
    copy.setAttribute("inert", "");
    var links = copy.querySelectorAll("a, button, [tabindex]");
    for (var i = 0; i < links.length; i++) links[i].setAttribute("tabindex", "-1");
    track.appendChild(copy);
    button.hidden = false;
    button.addEventListener("click", function () {
      var paused = !bar.hasAttribute("data-paused");
      if (paused) bar.setAttribute("data-paused", "");
      else bar.removeAttribute("data-paused");
      button.textContent = button.getAttribute(paused ? "data-label-play" : "data-label-pause");
    });
    bar.setAttribute("data-ticker-ready", "");
    fit();
    if (typeof ResizeObserver === "function") new ResizeObserver(fit).observe(list);
  }
  function init() {
    var bars = document.querySelectorAll("[data-akhbar-ticker]");
    for (var i = 0; i < bars.length; i++) setup(bars[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
