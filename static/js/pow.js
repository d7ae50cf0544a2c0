/* The proof of work of the anonymous forms (portal/domain/proof_of_work.py, the ALTCHA protocol v1): find the
   number n (0…maxNumber) whose SHA-256 of salt + n is the challenge, then send it back in the form's hidden "proof"
   field. The search runs in a Web Worker (this same file) so the page stays responsive, or, where workers are not
   available, in small slices between the page's own work. SHA-256 is computed here rather than with
   crypto.subtle, which browsers offer only on HTTPS and localhost: the form must work on plain HTTP too.
   Other scripts that send a form themselves (support.js) wait for window.portalPow.solved(form). */
(function () {
  "use strict";

  var K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
  var W = new Uint32Array(64);
  var H = new Uint32Array(8);

  /* SHA-256 of an ASCII string (the salt is hex and URL-encoded, the number is digits), as 8 words. */
  function sha256(text) {
    var length = text.length, blocks = ((length + 8) >> 6) + 1, words = new Uint32Array(blocks * 16), i;
    for (i = 0; i < length; i++) { words[i >> 2] |= text.charCodeAt(i) << (24 - (i & 3) * 8); }
    words[length >> 2] |= 0x80 << (24 - (length & 3) * 8);
    words[blocks * 16 - 1] = length * 8;
    H.set([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    for (var block = 0; block < blocks; block++) {
      for (i = 0; i < 16; i++) { W[i] = words[block * 16 + i]; }
      for (i = 16; i < 64; i++) {
        var x = W[i - 15], y = W[i - 2];
        var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
      }
      var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (i = 0; i < 64; i++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
    }
    return H;
  }

  function targetWords(hex) {
    var words = new Uint32Array(8);
    for (var i = 0; i < 8; i++) { words[i] = parseInt(hex.substr(i * 8, 8), 16); }
    return words;
  }

  /* Try from..to (inclusive); the number found, or -1. */
  function search(challenge, from, to) {
    var target = targetWords(challenge.challenge);
    for (var n = from; n <= to; n++) {
      var hash = sha256(challenge.salt + n), i = 0;
      while (i < 8 && hash[i] === target[i]) { i++; }
      if (i === 8) { return n; }
    }
    return -1;
  }

  if (typeof window === "undefined") {  // inside the worker
    self.onmessage = function (event) {
      var challenge = event.data;
      self.postMessage({ number: search(challenge, 0, challenge.maxNumber) });
    };
    return;
  }

  var scriptUrl = document.currentScript && document.currentScript.src;

  function solveInWorker(challenge) {
    return new Promise(function (resolve, reject) {
      var worker = new Worker(scriptUrl);
      worker.onmessage = function (event) { worker.terminate(); resolve(event.data.number); };
      worker.onerror = function (error) { worker.terminate(); reject(error); };
      worker.postMessage(challenge);
    });
  }

  function solveInSlices(challenge) {
    return new Promise(function (resolve) {
      var from = 0, slice = 2000;
      (function step() {
        var to = Math.min(from + slice - 1, challenge.maxNumber), found = search(challenge, from, to);
        if (found >= 0 || to >= challenge.maxNumber) { resolve(found); return; }
        from = to + 1;
        setTimeout(step, 0);
      })();
    });
  }

  function solve(challenge) {
    if (typeof Worker !== "undefined" && scriptUrl) {
      return solveInWorker(challenge).catch(function () { return solveInSlices(challenge); });
    }
    return solveInSlices(challenge);
  }

  var pending = new WeakMap();

  /* A promise of the form's answer, started once per form. */
  function solved(form) {
    var input = form.querySelector("input[data-pow-challenge]");
    if (!input) { return Promise.resolve(null); }
    if (!pending.has(form)) {
      var challenge = JSON.parse(input.getAttribute("data-pow-challenge"));
      pending.set(form, solve(challenge).then(function (number) {
        if (number < 0) { return null; }
        input.value = btoa(JSON.stringify({ algorithm: challenge.algorithm, challenge: challenge.challenge,
          number: number, salt: challenge.salt, signature: challenge.signature }));
        return input.value;
      }));
    }
    return pending.get(form);
  }

  /* "Checking…" while the click waits for the answer (the words are the page's, in its language). */
  function showWaiting(form, waiting) {
    var status = form.querySelector("[data-pow-status]");
    if (status) { status.textContent = waiting ? status.getAttribute("data-pow-waiting") : ""; }
  }

  /* A click on "send" before the answer is found waits for it, then sends; a second click sends nothing more. */
  function onSubmit(event) {
    var form = event.target;
    if (event.defaultPrevented || !form.querySelector("input[data-pow-challenge]")) { return; }
    if (form.getAttribute("data-pow-sent")) { event.preventDefault(); return; }
    var input = form.querySelector("input[data-pow-challenge]");
    if (input.value) { form.setAttribute("data-pow-sent", "1"); return; }
    event.preventDefault();
    var submitter = event.submitter;
    showWaiting(form, true);
    solved(form).then(function () {
      showWaiting(form, false);
      if (form.requestSubmit) { form.requestSubmit(submitter && submitter.form === form ? submitter : undefined); }
      else { form.setAttribute("data-pow-sent", "1"); form.submit(); }
    });
  }

  window.portalPow = { solved: solved };
  if (window.portalPowStarted) { return; }
  window.portalPowStarted = true;
  document.addEventListener("submit", onSubmit);
  // Browsers restore a page from their back-forward cache with the form as it was: let it be sent again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.querySelectorAll("form[data-pow-sent]").forEach(function (form) { form.removeAttribute("data-pow-sent"); });
    }
  });
  function start() {
    document.querySelectorAll("input[data-pow-challenge]").forEach(function (input) {
      if (input.form) { solved(input.form); }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
