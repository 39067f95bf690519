/* 找民警: instant lookup on /find/. No framework, ES5 for old phone browsers.
 *
 * Mirrors generator/lookup: keys.normalise_query (what was typed -> key),
 * shards.shard_for (which shard file answers it) and index.search (ranking:
 * exact, prefix, contains; then kind of name; then pinyin order).
 * Everything from the index is put into the page as text, never as HTML.
 */
(function () {
  "use strict";
  var root = document.getElementById("cj-find");
  if (!root || !window.JSON || !window.XMLHttpRequest || !document.addEventListener) return;

  var manifest = JSON.parse(root.getAttribute("data-index"));
  var shardBase = root.getAttribute("data-shards");
  var siteRoot = root.getAttribute("data-root");
  var defaultPhoto = root.getAttribute("data-photo");
  var LIMIT = parseInt(root.getAttribute("data-limit"), 10);
  // Page addresses come from the generator (one definition of each), "{id}" marks the id.
  var villageUrl = root.getAttribute("data-village-url");
  var officerUrl = root.getAttribute("data-officer-url");
  var KIND_ORDER = { v: 0, g: 1, q: 2, o: 3, p: 4, t: 5 };
  var LABELS = { g: "村民小组", q: "小区", o: "民警", p: "警务室", t: "乡镇" };
  var split = {};
  for (var s = 0; s < manifest.s.length; s++) split[manifest.s[s]] = true;

  var form = document.getElementById("cj-find-form");
  var input = document.getElementById("cj-q");
  var status = document.getElementById("cj-find-status");
  var results = document.getElementById("cj-find-results");
  var list = document.getElementById("cj-find-list");
  var cache = {}; // file -> {shard, error, waiting: [callbacks]}
  var generation = 0;

  // -- what was typed -> key (keys.normalise / normalise_query) ------------
  var TONED = {
    "ā": "a", "á": "a", "ǎ": "a", "à": "a", "ē": "e", "é": "e", "ě": "e", "è": "e",
    "ī": "i", "í": "i", "ǐ": "i", "ì": "i", "ō": "o", "ó": "o", "ǒ": "o", "ò": "o",
    "ū": "u", "ú": "u", "ǔ": "u", "ù": "u", "ü": "v", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v",
    "ń": "n", "ň": "n", "ǹ": "n", "ḿ": "m"
  };

  function kept(code) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return true;
    if (code < 0x2e80) return false;
    return !((code >= 0x3000 && code <= 0x303f) || (code >= 0xfe00 && code <= 0xfe6f) ||
             (code >= 0xff00 && code <= 0xffff));
  }

  function normalise(text) {
    var low = text.toLowerCase(), out = "";
    for (var i = 0; i < low.length; i++) {
      var ch = low.charAt(i), code = low.charCodeAt(i);
      if (code >= 0xff01 && code <= 0xff5e) { // full-width ASCII from a Chinese IME
        ch = String.fromCharCode(code - 0xfee0).toLowerCase();
        code = ch.charCodeAt(0);
      }
      if (ch === "ü") { ch = "v"; code = 0x76; }
      if (kept(code)) out += ch;
    }
    return out;
  }

  function normaliseQuery(text) {
    var low = text.toLowerCase().split("u:").join("v"), plain = "", out = "";
    for (var i = 0; i < low.length; i++) {
      var ch = low.charAt(i);
      plain += TONED.hasOwnProperty(ch) ? TONED[ch] : ch;
    }
    for (var j = 0; j < plain.length; j++) { // a tone digit after a letter: chang2an1
      var c = plain.charAt(j), prev = j > 0 ? plain.charAt(j - 1) : "";
      if ("12345".indexOf(c) >= 0 && prev >= "a" && prev <= "z") continue;
      out += c;
    }
    return normalise(out);
  }

  // -- which shard (shards.tokens_of / file_name / shard_for) --------------
  function chars(text) { // code points, keeping surrogate pairs together
    var out = [];
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        out.push(text.substr(i, 2));
        i++;
      } else {
        out.push(text.charAt(i));
      }
    }
    return out;
  }

  function codePoint(ch) {
    if (ch.length === 2) return (ch.charCodeAt(0) - 0xd800) * 0x400 + (ch.charCodeAt(1) - 0xdc00) + 0x10000;
    return ch.charCodeAt(0);
  }

  function isAscii(ch) { return (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9"); }

  function hex(n, width) {
    var h = n.toString(16);
    while (h.length < width) h = "0" + h;
    return h;
  }

  function tokens(key) {
    var cs = chars(key);
    if (!cs.length || isAscii(cs[0])) return cs;
    return ["#" + hex(codePoint(cs[0]) % manifest.b, 2)].concat(cs);
  }

  function fileName(path, top) {
    var name = top ? "t" : "l";
    for (var i = 0; i < path.length; i++) {
      var t = path[i];
      if (t.charAt(0) === "#") name += "_" + t.substr(1);
      else if (isAscii(t)) name += t;
      else name += "-" + hex(codePoint(t), 6);
    }
    return name + ".json";
  }

  function shardFor(query) {
    var path = tokens(query), node = [];
    while (split[node.join("")]) {
      if (node.length === path.length) {
        if (!node.length || (node.length === 1 && node[0].charAt(0) === "#")) return null;
        return fileName(node, true);
      }
      node.push(path[node.length]);
    }
    return fileName(node, false);
  }

  function load(file, done) {
    var entry = cache[file];
    if (entry && !entry.waiting) return done(entry.error, entry.shard);
    if (entry) return entry.waiting.push(done);
    entry = cache[file] = { waiting: [done] };
    var xhr = new XMLHttpRequest();
    xhr.open("GET", shardBase + file);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      var waiting = entry.waiting;
      entry.waiting = null;
      if (xhr.status === 200) {
        try { entry.shard = JSON.parse(xhr.responseText); } catch (e) { entry.error = true; }
      } else if (xhr.status === 404) {
        entry.shard = null; // no key starts this way
      } else {
        entry.error = true;
        delete cache[file]; // try again next time
      }
      for (var i = 0; i < waiting.length; i++) waiting[i](entry.error, entry.shard);
    };
    xhr.send();
  }

  // -- ranking (index.search) ----------------------------------------------
  function search(shard, query) {
    var best = {}, found = [];
    for (var i = 0; i < shard.k.length; i++) {
      var key = shard.k[i][0];
      if (key.lastIndexOf(query, 0) !== 0) continue;
      var postings = shard.k[i][1];
      for (var j = 0; j < postings.length; j++) {
        var number = postings[j][0];
        var rank = postings[j][1] === 0 ? (key === query ? 0 : 1) : 2;
        var term = shard.t[number], kind = KIND_ORDER[term[0]];
        for (var m = 0; m < term[2].length; m++) {
          var v = term[2][m], old = best[v];
          if (!old) found.push(v);
          if (!old || rank < old.rank || (rank === old.rank && kind < old.kind)) {
            best[v] = { rank: rank, kind: kind, term: number, village: v };
          }
        }
      }
    }
    var hits = [];
    for (var n = 0; n < found.length; n++) hits.push(best[found[n]]);
    hits.sort(function (a, b) {
      return (a.rank - b.rank) || (a.kind - b.kind) || (shard.v[a.village][0] - shard.v[b.village][0]);
    });
    return hits;
  }

  // -- showing results -----------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.appendChild(document.createTextNode(text));
    return node;
  }

  /* A phone number that wraps only after a dash or space (as the pages' numbers do). */
  function digits(number) {
    var box = el("span", "cj-num");
    var parts = number.replace(/([-\s])/g, "$1\n").split("\n");
    for (var i = 0; i < parts.length; i++) {
      if (i) box.appendChild(document.createElement("wbr"));
      box.appendChild(document.createTextNode(parts[i]));
    }
    return box;
  }

  /* A province's index: a village or officer row ends with its county (shard.c). */
  function inCounty(pattern, shard, county) {
    return county === undefined ? pattern : pattern.replace("{county}", shard.c[county][0]);
  }

  function officerBlock(officer, shard) {
    var box = el("div", "cj-find__officer");
    var img = el("img", "cj-find__photo");
    img.src = officer[4] ? siteRoot + officer[4] : defaultPhoto;
    img.alt = officer[1] + "的照片";
    img.width = 48;
    img.height = 60;
    img.setAttribute("loading", "lazy");
    box.appendChild(img);
    var name = el("a", "cj-find__officer-name", officer[1]);
    name.href = siteRoot + inCounty(officerUrl, shard, officer[5]).replace("{id}", officer[0]);
    box.appendChild(name);
    var call = el("a", "cj-call");
    call.href = officer[3];
    call.appendChild(el("span", "cj-call__label", "打电话"));
    call.appendChild(document.createTextNode(" "));
    call.appendChild(digits(officer[2]));
    box.appendChild(call);
    return box;
  }

  function render(shard, hits, text) {
    results.innerHTML = "";
    var shown = Math.min(hits.length, LIMIT);
    for (var i = 0; i < shown; i++) {
      var hit = hits[i], v = shard.v[hit.village], term = shard.t[hit.term];
      var item = el("li", "cj-find__hit");
      item.setAttribute("data-village", v[1]);
      var link = el("a", "cj-find__village", v[2]);
      link.href = siteRoot + inCounty(villageUrl, shard, v[6]).replace("{id}", v[1]);
      item.appendChild(el("h2", "cj-find__name")).appendChild(link);
      var county = v[6] === undefined ? "" : shard.c[v[6]][1] + " ";
      item.appendChild(el("p", "cj-find__where", county + shard.w[v[3]] + " · " + shard.p[v[4]]));
      if (term[0] !== "v") item.appendChild(el("p", "cj-find__why", LABELS[term[0]] + "：" + term[1]));
      for (var j = 0; j < v[5].length; j++) item.appendChild(officerBlock(shard.o[v[5][j]], shard));
      results.appendChild(item);
    }
    results.hidden = shown === 0;
    list.hidden = shown > 0;
    if (!shown) {
      say("没有找到“" + text + "”。请换个写法（汉字、拼音或拼音首字母），或在下面按乡镇查找。");
    } else if (hits.length > LIMIT || shard.more) {
      say("找到很多，只列出前 " + shown + " 个。多输入几个字可以找得更准。");
    } else {
      say("找到 " + shown + " 个村（社区）。");
    }
  }

  function say(text) {
    status.textContent = text;
    root.setAttribute("data-shown", input.value); // what the list now answers
  }

  function clear() {
    results.innerHTML = "";
    results.hidden = true;
    list.hidden = false;
    say("");
  }

  function remember(text) {
    if (!window.history || !history.replaceState) return;
    var url = location.pathname + (text ? "?q=" + encodeURIComponent(text) : "") + location.hash;
    history.replaceState(null, "", url);
  }

  function run(text) {
    var mine = ++generation;
    var query = normaliseQuery(text);
    remember(text);
    if (!query) return clear();
    var file = shardFor(query);
    if (!file) return render({ v: [], t: [], w: [], p: [], o: [] }, [], text);
    root.setAttribute("aria-busy", "true");
    load(file, function (error, shard) {
      if (mine !== generation) return;
      root.removeAttribute("aria-busy");
      if (error) {
        results.hidden = true;
        list.hidden = false;
        return say("网络不好，没能查找。请稍后再试，或在下面按乡镇查找。");
      }
      if (!shard) return render({ v: [], t: [], w: [], p: [], o: [] }, [], text);
      render(shard, search(shard, query), text);
    });
  }

  input.addEventListener("input", function () { run(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value);
  });
  var match = /[?&]q=([^&#]*)/.exec(location.search);
  if (match) {
    try { input.value = decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e) { input.value = ""; }
  }
  root.className += " cj-find--live";
  if (input.value) run(input.value);
})();
