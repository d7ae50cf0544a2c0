/* The service worker (served at /sw.js, scope: the whole site). It keeps what a citizen read, for reading offline:
   pages are fetched from the network first and their copy kept; when the network fails the copy is shown, or the
   offline page (/ngoai-tuyen) for a page never read. Files under /static/ are served from the copy and refreshed
   behind it. Nothing marked "Cache-Control: no-store" is kept: tracking pages, the code and secret after sending,
   every staff page (portal/web/security.py), so no personal data lands in this cache. The petition form's drafts
   are not here: static/js/offline.js keeps them in the page's IndexedDB. */
"use strict";

var CACHE = "portal-v1";
var SHELL = ["/", "/gui-phan-anh", "/ngoai-tuyen", "/manifest.webmanifest"];
var STATIC_URL = /\/static\/[^"'\s)?#]+/g;

function keepable(response) {
  return response && response.ok && response.type === "basic" &&
    !/no-store/.test(response.headers.get("Cache-Control") || "");
}

/* The shell pages, and every file under /static/ they load, so the form works offline from the first visit. */
function cacheShell(cache) {
  return Promise.all(SHELL.map(function (url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!keepable(response)) { return null; }
      var copy = response.clone();
      return cache.put(url, response).then(function () { return copy.text(); }).then(function (html) {
        var files = Array.from(new Set(html.match(STATIC_URL) || []));
        return Promise.all(files.map(function (file) { return cache.add(file).catch(function () {}); }));
      });
    }).catch(function () {});
  }));
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(cacheShell).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function networkFirst(request, fallback) {
  return fetch(request).then(function (response) {
    if (keepable(response)) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request).then(function (hit) {
      if (hit) { return hit; }
      return (fallback ? caches.match(fallback) : Promise.resolve()).then(function (page) {
        return page || Response.error();
      });
    });
  });
}

function cacheFirst(request) {
  return caches.match(request).then(function (hit) {
    var fresh = fetch(request).then(function (response) {
      if (keepable(response)) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    });
    if (hit) { fresh.catch(function () {}); return hit; }
    return fresh;
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (/^\/(api|open311)\//.test(url.pathname) || url.pathname === "/sw.js") { return; }
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request, request.mode === "navigate" ? "/ngoai-tuyen" : null));
  }
});
