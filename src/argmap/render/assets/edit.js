/* argmap editing page (argmap edit): make claims from selected words, link, edit, delete.
   Every change is sent to the local server, which writes the map file and re-checks it;
   the page then reloads with the new map. Only textContent is ever assigned.
   Hooks for automation: #source (the text pane), [data-action=new-claim],
   [data-action=save], [data-action=link], [data-action=delete], [data-action=unlink]. */
(function () {
  "use strict";
  var token = new URLSearchParams(window.location.search).get("token");
  if (!token) { return; }
  var side = document.getElementById("side");
  var sources = document.getElementById("sources");
  if (!side || !sources) { return; }

  // The hook: one pane holding every source text.
  var pane = document.createElement("div");
  pane.id = "source";
  while (sources.firstChild) { pane.appendChild(sources.firstChild); }
  sources.appendChild(pane);

  var state = null;
  var draft = null;        // {source, start, end, quote} of a new claim, or null

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function option(value, label) { var o = el("option", {value: value}, label); return o; }
  function fill(select, items, keep) {
    var old = keep ? select.value : null;
    while (select.firstChild) { select.removeChild(select.firstChild); }
    items.forEach(function (it) { select.appendChild(option(it[0], it[1])); });
    var known = items.some(function (it) { return it[0] === old; });
    if (old !== null && known) { select.value = old; } else if (items.length) { select.value = items[0][0]; }
  }
  function short(s, n) { s = String(s || ""); return s.length > n ? s.slice(0, n - 1) + "\u2026" : s; }

  // -- the panel ---------------------------------------------------------------
  var panel = el("section", {id: "editor", "aria-label": "edit the map"});
  panel.appendChild(el("h2", {}, "Edit"));
  panel.appendChild(el("p", {"class": "hint"},
    "Select words in the text, then make a claim of them. Choose a claim below to edit it."));
  var newButton = el("button", {type: "button", "data-action": "new-claim"}, "New claim from selection");
  panel.appendChild(newButton);
  var pick = el("select", {"data-field": "claim", "aria-label": "claim to edit"});
  panel.appendChild(pick);

  var form = el("form", {id: "claim-form", "aria-label": "claim"});
  form.hidden = true;
  var preview = el("p", {"class": "quote-preview"});
  var speaker = el("select", {"data-field": "speaker"});
  var kind = el("select", {"data-field": "kind"});
  var text = el("textarea", {"data-field": "text", rows: "2"});
  function labelled(name, input) { var l = el("label", {}, name + " "); l.appendChild(input); return l; }
  form.appendChild(preview);
  form.appendChild(labelled("Speaker", speaker));
  form.appendChild(labelled("Kind", kind));
  form.appendChild(labelled("Paraphrase", text));
  var save = el("button", {type: "button", "data-action": "save"}, "Save");
  var del = el("button", {type: "button", "data-action": "delete"}, "Delete claim");
  var cancel = el("button", {type: "button", "data-action": "cancel"}, "Cancel");
  form.appendChild(save); form.appendChild(del); form.appendChild(cancel);
  panel.appendChild(form);

  var link = el("fieldset", {id: "link-form"});
  link.appendChild(el("legend", {}, "Link two claims"));
  var from = el("select", {"data-field": "from", "aria-label": "from"});
  var type = el("select", {"data-field": "type", "aria-label": "relation type"});
  var to = el("select", {"data-field": "to", "aria-label": "to (a claim or an argument)"});
  var linkButton = el("button", {type: "button", "data-action": "link"}, "Link");
  [from, type, to, linkButton].forEach(function (x) { link.appendChild(x); });
  var relations = el("ul", {id: "relations-list", "aria-label": "relations"});
  link.appendChild(relations);
  panel.appendChild(link);

  var status = el("p", {id: "edit-status", "aria-live": "polite"});
  var problems = el("section", {id: "problems", "aria-live": "polite"});
  panel.appendChild(status);
  panel.appendChild(problems);
  side.insertBefore(panel, side.firstChild);

  function say(message, isError) {
    status.textContent = message;
    status.className = isError ? "error" : "";
  }

  function render() {
    if (!state) { return; }
    while (problems.firstChild) { problems.removeChild(problems.firstChild); }
    var count = state.problems.length;
    problems.appendChild(el("h3", {}, count === 0 ? "No problems" :
      count + (count === 1 ? " problem" : " problems")));
    var list = el("ul");
    state.problems.forEach(function (p) { list.appendChild(el("li", {}, p)); });
    problems.appendChild(list);
    if (!state.ok) { return; }
    fill(speaker, state.speakers.map(function (s) { return [s.id, s.name]; }), true);
    fill(kind, state.kinds.map(function (k) { return [k, k]; }), true);
    var claims = state.claims.map(function (c) { return [c.id, c.id + " \u2014 " + short(c.text, 50)]; });
    fill(pick, [["", "Edit a claim\u2026"]].concat(claims), true);
    fill(from, claims, true);
    fill(type, state.types.map(function (t) { return [t, t]; }), true);
    fill(to, claims.concat(state.arguments.map(function (a) {
      return [a.id, a.id + " \u2014 argument for " + a.conclusion];
    })), true);
    while (relations.firstChild) { relations.removeChild(relations.firstChild); }
    state.relations.forEach(function (r) {
      var li = el("li", {}, r.from + (r.type === "support" ? " supports " : " attacks ") + r.to + " ");
      var x = el("button", {type: "button", "data-action": "unlink", "data-from": r.from, "data-to": r.to,
                            "aria-label": "delete the relation " + r.from + " to " + r.to}, "\u00d7");
      li.appendChild(x);
      relations.appendChild(li);
    });
  }

  function call(path, payload) {
    window.argmapBusy = true;
    say("saving\u2026");
    return window.fetch(path, {
      method: "POST", cache: "no-store",
      headers: {"X-Argmap-Token": token, "Content-Type": "application/json"},
      body: JSON.stringify(payload)
    }).then(function (r) {
      return r.json().then(function (d) { return {ok: r.ok, data: d}; });
    }).then(function (res) {
      if (res.data.state) { state = res.data.state; render(); }
      if (!res.ok) { window.argmapBusy = false; say(res.data.error || "refused", true); return; }
      say(res.data.summary);
      draft = null;          // stay busy: this page reloads itself once, now
      if (window.argmapReload) { window.argmapReload(); } else { window.location.reload(); }
    }, function () { window.argmapBusy = false; say("the server does not answer", true); });
  }

  function load() {
    return window.fetch("/api/state", {headers: {"X-Argmap-Token": token}, cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (d) { state = d; render(); });
  }

  // -- a selection in the text -------------------------------------------------
  function selection() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return null; }
    var range = sel.getRangeAt(0);
    var node = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentNode;
    var box = node.closest ? node.closest(".source-text") : null;
    if (!box || !box.contains(range.endContainer)) { return null; }
    var before = document.createRange();
    before.selectNodeContents(box);
    before.setEnd(range.startContainer, range.startOffset);
    var start = before.toString().length;
    var quote = range.toString();
    var sections = Array.prototype.slice.call(pane.querySelectorAll("section.source"));
    var index = sections.indexOf(box.closest("section.source"));
    return {source: state && state.sources ? state.sources[index] : null, start: start,
            end: start + quote.length, quote: quote};
  }

  newButton.addEventListener("click", function () {
    if (!state || !state.ok) { say("the map does not load; fix its problems first", true); return; }
    var s = selection();
    if (!s || !s.quote.trim()) { say("select some words in the text first", true); return; }
    draft = s;
    window.argmapBusy = true;
    pick.value = "";
    preview.textContent = "\u201c" + s.quote + "\u201d";
    speaker.value = state.speakers.length ? state.speakers[0].id : "";
    kind.value = "claim";
    text.value = s.quote.replace(/\s+/g, " ").trim();
    del.hidden = true;
    form.hidden = false;
    say("new claim: choose its speaker and kind, edit the paraphrase, then Save");
  });

  pick.addEventListener("change", function () {
    var c = null;
    state.claims.forEach(function (x) { if (x.id === pick.value) { c = x; } });
    if (!c) { form.hidden = true; window.argmapBusy = false; return; }
    draft = null;
    window.argmapBusy = true;
    preview.textContent = c.quote ? "\u201c" + c.quote + "\u201d" : "(no quote)";
    speaker.value = c.speaker; kind.value = c.kind; text.value = c.text;
    del.hidden = false;
    form.hidden = false;
  });

  // Clicking a highlighted quote chooses its claim for editing (the page still selects it).
  pane.addEventListener("click", function (ev) {
    var q = ev.target.closest ? ev.target.closest(".q[data-ids]") : null;
    if (!q || draft || !state || !state.ok) { return; }
    var id = q.getAttribute("data-ids").split(" ")[0];
    if (id) { pick.value = id; pick.dispatchEvent(new Event("change")); }
  });

  save.addEventListener("click", function () {
    if (draft) {
      call("/api/claims", {source: draft.source, start: draft.start, end: draft.end,
                           speaker: speaker.value, kind: kind.value, text: text.value});
    } else if (pick.value) {
      call("/api/claims/" + encodeURIComponent(pick.value),
           {speaker: speaker.value, kind: kind.value, text: text.value});
    }
  });
  del.addEventListener("click", function () {
    if (pick.value && window.confirm("Delete claim " + pick.value + " and its relations?")) {
      call("/api/claims/" + encodeURIComponent(pick.value), {"delete": true});
    }
  });
  cancel.addEventListener("click", function () {
    draft = null; form.hidden = true; pick.value = ""; window.argmapBusy = false; say("");
  });
  linkButton.addEventListener("click", function () {
    if (from.value && to.value) { call("/api/relations", {from: from.value, to: to.value, type: type.value}); }
  });
  relations.addEventListener("click", function (ev) {
    var b = ev.target.closest ? ev.target.closest("[data-action=unlink]") : null;
    if (b) { call("/api/relations", {from: b.getAttribute("data-from"), to: b.getAttribute("data-to"),
                                     "delete": true}); }
  });

  load();
}());
