/* cunjing's page shell: 大字 (remembered on this phone), 听一听 (speech synthesis,
 * only with a Chinese voice), the floating back-to-top link and the service
 * worker. Without JavaScript all three controls stay hidden and pages work. */
(function () {
  "use strict";
  var BIG = "cunjing-big";
  var root = document.documentElement;
  var script = document.currentScript;

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }

  // -- 大字 ----------------------------------------------------------------
  var big = document.getElementById("cj-big");
  if (big) {
    var on = root.classList.contains("cj-big");
    big.setAttribute("aria-pressed", on ? "true" : "false");
    big.hidden = false;
    big.addEventListener("click", function () {
      on = !on;
      root.classList.toggle("cj-big", on);
      big.setAttribute("aria-pressed", on ? "true" : "false");
      store(BIG, on ? "1" : "0");
    });
  }

  // -- back to top: shown once the reader is a screen down --------------------
  var top = document.getElementById("cj-top");
  if (top) {
    var shown = false;
    var check = function () {
      var want = window.pageYOffset > window.innerHeight;
      if (want !== shown) { shown = want; top.hidden = !want; }
    };
    window.addEventListener("scroll", check, { passive: true });
    check();
  }

  // -- 听一听 ----------------------------------------------------------------
  var listen = document.getElementById("cj-listen");
  var speech = window.speechSynthesis;
  if (listen && speech && window.SpeechSynthesisUtterance) {
    var button = listen.querySelector("button");
    var voice = null;
    var pickVoice = function () {
      var voices = speech.getVoices() || [];
      voice = null;
      for (var i = 0; i < voices.length && !voice; i++) {
        if (/^zh|^cmn/i.test(voices[i].lang || "")) voice = voices[i];
      }
      listen.hidden = !voice;
    };
    var text = function () {
      var article = listen.parentNode;
      var parts = [];
      var heading = article.querySelector("h1");
      if (heading) parts.push(heading.textContent);
      var bodies = article.querySelectorAll(".cj-body");
      if (!bodies.length) bodies = [article];
      for (var i = 0; i < bodies.length; i++) parts.push(bodies[i].textContent);
      return parts.join("\n").replace(/\s+/g, " ").trim();
    };
    var stop = function () {
      speech.cancel();
      button.setAttribute("aria-pressed", "false");
      button.textContent = "听一听";
    };
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-pressed") === "true") { stop(); return; }
      var utterance = new window.SpeechSynthesisUtterance(text());
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9;
      utterance.onend = stop;
      speech.cancel();
      speech.speak(utterance);
      button.setAttribute("aria-pressed", "true");
      button.textContent = "停止朗读";
    });
    pickVoice();
    if (speech.addEventListener) speech.addEventListener("voiceschanged", pickVoice);
    else speech.onvoiceschanged = pickVoice;
  }

  // -- offline: the service worker at the site root -----------------------------
  var worker = script && script.getAttribute("data-sw");
  if (worker && "serviceWorker" in navigator && window.isSecureContext) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(worker).catch(function () { /* online only */ });
    });
  }
})();
