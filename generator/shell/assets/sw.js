/* cunjing's service worker (published at the site root, so its scope is the
 * whole site, sub-path included). Written by shell/pages.py, which declares
 * after "use strict": CACHE (named from a hash of the build's content), SHELL
 * (our stylesheet and script), FIND (找民警's page) and INDEX (its index
 * shards), all relative to this file.
 *
 *   install   cache SHELL and the pages open in this browser's windows
 *   activate  delete every other cunjing cache (a new build retires the old)
 *   fetch     same-origin GETs only: pages from the network first, the cache
 *             when offline; other files from the cache first. Opening /find/
 *             caches the whole index, so searching works offline afterwards.
 */
"use strict";
var PREFIX = "cunjing-";
var scope = self.registration.scope;

function here(path) { return new URL(path, scope).href; }

// Revalidated with the server, so a new build never stores the previous build's
// files, while a file this visit already downloaded costs only a 304 answer.
function fresh(url) { return new Request(url, { cache: "no-cache" }); }

function keep(cache, request, response) {
  if (response && response.ok && response.type === "basic") {
    return cache.put(request, response.clone()).then(function () { return response; });
  }
  return response;
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
      var pages = windows.map(function (w) { return w.url.split("#")[0]; }).filter(function (url) {
        return url.indexOf(scope) === 0;
      });
      return cache.addAll(SHELL.map(here).concat(pages).map(fresh));
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

var findPage = here(FIND);

function cacheIndex(cache) {
  return cache.match(here(INDEX[INDEX.length - 1])).then(function (found) {
    return found ? null : cache.addAll(INDEX.map(here).map(fresh));
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(scope) !== 0) return;
  if (request.mode === "navigate") {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return fetch(request).then(function (response) {
        var page = request.url.split("?")[0].split("#")[0];
        if (page === findPage && INDEX.length) event.waitUntil(cacheIndex(cache).catch(function () {}));
        return keep(cache, new Request(page), response);
      }).catch(function () {
        return cache.match(request, { ignoreSearch: true }).then(function (found) {
          return found || Response.error();
        });
      });
    }));
    return;
  }
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (found) {
      return found || fetch(request).then(function (response) { return keep(cache, request, response); });
    });
  }));
});
