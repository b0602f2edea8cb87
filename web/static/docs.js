// Swagger UI at /docs: its bundle is served from this site (/docs/assets/, the swagger-ui-bundle
// package), started here rather than by an inline script, which the Content-Security-Policy forbids.
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.getAttribute("data-openapi"),
    domNode: root,
    deepLinking: true,
    validatorUrl: null, // no badge from an outside validator
    presets: [window.SwaggerUIBundle.presets.apis],
  });
});
