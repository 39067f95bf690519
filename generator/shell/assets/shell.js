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

  // -- 我的村: the last village page opened, remembered on this phone only --------
  // (nothing is sent anywhere). The home page offers it in its first screen; a
  // county-wide notice or report offers that village's officers to call.
  var MINE = "cunjing-village";
  var village = document.querySelector("[data-cj-village]");
  if (village) {
    var officers = [];
    var cards = village.querySelectorAll(".cj-officer");
    for (var c = 0; c < cards.length; c++) {
      var name = cards[c].querySelector(".cj-officer__name");
      var call = cards[c].querySelector("a.cj-call");
      var number = call && call.querySelector(".cj-num");
      if (name && call && number) officers.push([name.textContent.trim(), call.getAttribute("href"), number.textContent]);
    }
    store(MINE, JSON.stringify({ name: village.getAttribute("data-cj-village"), path: location.pathname, officers: officers }));
  }
  var mine = null;
  try { mine = JSON.parse(localStorage.getItem(MINE) || "null"); } catch (e) { mine = null; }
  // Only what a village page of this site wrote: a same-site path and tel: links.
  if (mine && typeof mine.name === "string" && typeof mine.path === "string" && /^\/(?!\/)/.test(mine.path)) {
    var link = document.querySelector("[data-cj-mine=link]");
    if (link) {
      link.querySelector("a").setAttribute("href", mine.path);
      link.querySelector(".cj-mine__name").textContent = mine.name;
      link.hidden = false;
    }
    var box = document.querySelector("[data-cj-mine=officers]");
    var list = Array.isArray(mine.officers) ? mine.officers : [];
    if (box && list.length) {
      var who = document.createElement("p");
      who.className = "cj-contact__who";
      var home = document.createElement("a");
      home.href = mine.path;
      home.textContent = mine.name;
      who.appendChild(document.createTextNode("您的村："));
      who.appendChild(home);
      box.appendChild(who);
      for (var o = 0; o < list.length; o++) {
        var entry = list[o];
        if (!Array.isArray(entry) || !/^tel:[0-9+]+$/.test(String(entry[1]))) continue;
        var button = document.createElement("a");
        button.className = "cj-call";
        button.href = entry[1];
        var label = document.createElement("span");
        label.className = "cj-call__label";
        label.textContent = "打电话给" + String(entry[0]);
        var digits = document.createElement("span");
        digits.className = "cj-num";
        var parts = String(entry[2]).replace(/([-\s])/g, "$1\n").split("\n");
        for (var d = 0; d < parts.length; d++) {
          if (d) digits.appendChild(document.createElement("wbr"));
          digits.appendChild(document.createTextNode(parts[d]));
        }
        button.appendChild(label);
        button.appendChild(document.createTextNode(" "));
        button.appendChild(digits);
        box.appendChild(button);
      }
      box.hidden = false;
    }
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
