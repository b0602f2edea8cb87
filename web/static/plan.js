// "Dodaj do planu" without leaving the page: the add form is sent in the background and a
// message after the button says it is in the plan (with a link to it). Progressive enhancement
// only: without this script the same form goes to /plan, which links back (web/routes/plan.py).
(function () {
  "use strict";
  if (!window.fetch || !window.FormData || !window.URL) return;
  var live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  live.id = "plan-live";
  (document.getElementById("main") || document.body).appendChild(live);

  function isAddForm(form) {
    return form instanceof HTMLFormElement &&
      (form.id === "plan-add-form" || form.classList.contains("plan-add") ||
       form.classList.contains("plan-add-edition"));
  }

  function say(form, button, ok) {
    var text = ok ? form.dataset.added : form.dataset.failed;
    var old = button.parentNode.querySelector(".plan-added");
    if (old) old.remove();
    var message = document.createElement(ok ? "a" : "span");
    message.className = "plan-added";
    message.textContent = text;
    if (ok) message.href = form.dataset.plan;
    button.insertAdjacentElement("afterend", message);
    live.textContent = text;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!isAddForm(form) || form.dataset.plain) return;
    var button = event.submitter;
    if (!button) return;
    event.preventDefault();
    var body = new FormData(form, button);
    button.disabled = true;
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) {
        var outcome = new URL(response.url).searchParams.get("zrobiono");
        say(form, button, response.ok && outcome !== null);
      })
      .catch(function () {
        form.dataset.plain = "1";  // send it the ordinary way
        form.requestSubmit(button);
      })
      .finally(function () {
        button.disabled = false;
      });
  });
})();
