/* argmap live page: reload when the map or its sources change on disk (served pages only).
   Polls the server's /api/version once a second; keeps the text pane's scroll position. */
(function () {
  "use strict";
  var token = new URLSearchParams(window.location.search).get("token");
  if (!token || window.location.protocol === "file:") { return; }
  var key = "argmap-scroll:" + window.location.pathname;
  var pane = document.getElementById("sources");
  try {
    var saved = JSON.parse(window.sessionStorage.getItem(key) || "null");
    if (saved && pane) { pane.scrollTop = saved.pane; }
    if (saved) { window.scrollTo(0, saved.window); }
  } catch (e) { /* no storage: start at the top */ }
  var current = null;
  var reloading = false;
  function reload() {
    if (reloading) { return; }
    reloading = true;
    try {
      window.sessionStorage.setItem(key, JSON.stringify({pane: pane ? pane.scrollTop : 0,
                                                         window: window.scrollY}));
    } catch (e) { /* reload anyway */ }
    window.location.reload();
  }
  window.argmapReload = reload;
  function poll() {
    window.fetch("/api/version", {headers: {"X-Argmap-Token": token}, cache: "no-store"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (d && current === null) { current = d.version; }
        if (d && d.version !== current && !window.argmapBusy) { reload(); return; }
        window.setTimeout(poll, 1000);
      }, function () { window.setTimeout(poll, 2000); });
  }
  poll();
}());
