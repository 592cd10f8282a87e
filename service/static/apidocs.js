// Starts Swagger UI on /api/docs (kept out of the HTML: the CSP forbids inline script).
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const root = document.getElementById("swagger-ui");
  if (!root || !window.SwaggerUIBundle) return;
  window.SwaggerUIBundle({
    url: root.dataset.spec,
    domNode: root,
    deepLinking: true,
    tryItOutEnabled: true,
  });
});
