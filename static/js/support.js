/* "Tôi cũng gặp vấn đề này" in place: the form (templates/public/_support.html) is sent with fetch once its proof
   of work is found (pow.js), the count is updated and the button says it is done. Without this script the same
   form posts and comes back to the page. */
(function () {
  "use strict";

  function finish(form, label) {
    var button = form.querySelector("button[type=submit]");
    button.textContent = label;
    button.disabled = true;
  }

  function send(form) {
    var message = form.querySelector("[data-support-message]");
    var proof = window.portalPow ? window.portalPow.solved(form) : Promise.resolve(null);
    return proof.then(function () {
      return fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin",
                                  headers: { "Accept": "application/json" } });
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (answer) {
      if (answer.ok) {
        document.querySelectorAll("[data-support-count]").forEach(function (count) {
          count.textContent = answer.body.supporters;
        });
        finish(form, form.getAttribute("data-done-label"));
        message.textContent = answer.body.counted ? form.getAttribute("data-thanks-label") : "";  // read out (role=status)
      } else {
        message.textContent = answer.body.error.message;
        // An ended petition takes no more support: the button stays off; anything else may be tried again.
        form.querySelector("button[type=submit]").disabled = answer.body.error.code === "support_closed";
      }
    }).catch(function () {
      message.textContent = form.getAttribute("data-failed-label");
      form.querySelector("button[type=submit]").disabled = false;
    });
  }

  // Capture phase: this runs before pow.js's own handler, which then leaves the already handled event alone.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-support")) { return; }
    event.preventDefault();
    form.querySelector("button[type=submit]").disabled = true;
    send(form);
  }, true);
})();
