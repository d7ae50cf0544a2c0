/* The installable, offline-tolerant site, in the page: registers the service worker (/sw.js), shows the offline
   banner while the connection is gone, and keeps the petition form working without it. A form marked
   data-offline-draft that is sent while offline is kept in this browser's IndexedDB (never sent anywhere else) and
   the page says so; when the connection returns it is sent, with a fresh CSRF token and proof of work but its own
   submission token, which the server uses as the Idempotency-Key (public.submit_once): sent twice, stored once.
   The answer (the code and secret) then replaces the page's content. */
(function () {
  "use strict";

  var banner = document.getElementById("offline-banner");
  function showConnection() { if (banner) { banner.hidden = navigator.onLine; } }
  window.addEventListener("online", showConnection);
  window.addEventListener("offline", showConnection);
  showConnection();
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }

  var form = document.querySelector("form[data-offline-draft]");
  var status = document.getElementById("offline-draft");
  if (!form || !status || !window.indexedDB || !window.fetch) { return; }
  var action = form.action, sending = false;

  function say(key) { status.textContent = status.getAttribute("data-" + key); status.hidden = false; }

  function newToken() {
    var token = form.querySelector("[name=submission_token]");
    if (token) {
      token.value = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/-/g, "");
    }
  }
  // A page shown from the service worker's copy carries the token of the visit that stored it: take a new one.
  if (!navigator.onLine) { newToken(); }

  function store(mode, work) {
    return new Promise(function (resolve, reject) {
      var opening = indexedDB.open("portal-drafts", 1);
      opening.onupgradeneeded = function () { opening.result.createObjectStore("drafts", { keyPath: "token" }); };
      opening.onerror = function () { reject(opening.error); };
      opening.onsuccess = function () {
        var db = opening.result, tx = db.transaction("drafts", mode), request = work(tx.objectStore("drafts"));
        tx.oncomplete = function () { db.close(); resolve(request && request.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      };
    });
  }

  form.addEventListener("submit", function (event) {
    if (navigator.onLine) { return; }
    event.preventDefault();
    var entries = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrf_token" && name !== "proof") { entries.push([name, value]); }
    });
    var token = (entries.filter(function (e) { return e[0] === "submission_token"; })[0] || [])[1] || String(Date.now());
    store("readwrite", function (drafts) { return drafts.put({ token: token, entries: entries, savedAt: Date.now() }); })
      .then(function () { say("saved"); form.reset(); newToken(); })
      .catch(function () { say("not-saved"); });
  });

  /* The fresh form's proof of work, solved by static/js/pow.js when the site asks for one. */
  function proofFor(fresh) {
    if (!fresh.querySelector("input[data-pow-challenge]") || !window.portalPow) { return Promise.resolve(null); }
    return window.portalPow.solved(fresh);
  }

  function send(draft) {
    return fetch(action, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      return response.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("form[data-offline-draft]");
      var body = new FormData();
      draft.entries.forEach(function (entry) { body.append(entry[0], entry[1]); });
      body.set("csrf_token", fresh.querySelector("[name=csrf_token]").value);
      return proofFor(fresh).then(function (proof) {
        if (proof) { body.set("proof", proof); }
        return fetch(action, { method: "POST", body: body, credentials: "same-origin" });
      });
    }).then(function (response) {
      if (response.status === 429 || response.status >= 500) { throw new Error("later"); }
      return response.text().then(function (html) {
        // Stored (the code page) or refused with the form and its errors: either way the page now holds it.
        var page = new DOMParser().parseFromString(html, "text/html");
        document.querySelector("main").replaceWith(page.querySelector("main"));
        document.title = page.title;
        page.querySelectorAll("script[src]").forEach(function (script) {  // the new content's own scripts
          if (!document.querySelector('script[src="' + script.getAttribute("src") + '"]')) {
            var copy = document.createElement("script");
            copy.src = script.getAttribute("src");
            document.body.appendChild(copy);
          }
        });
        history.replaceState(null, "", response.url);
        return store("readwrite", function (drafts) { return drafts.delete(draft.token); });
      });
    });
  }

  function sendDrafts() {
    if (!navigator.onLine || sending) { return; }
    store("readonly", function (drafts) { return drafts.getAll(); }).then(function (drafts) {
      if (!drafts || !drafts.length) { return; }
      sending = true;
      say("sending");
      return send(drafts[0]).then(function () { sending = false; }, function () {
        sending = false;
        say("saved");
        setTimeout(sendDrafts, 30000);
      });
    }).catch(function () { sending = false; });
  }
  window.addEventListener("online", sendDrafts);
  sendDrafts();
})();
