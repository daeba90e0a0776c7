// argmap interactive page. Reads the JSON data block, wires the diagram, the
// source texts, the details panel and the filters. User text is only ever
// assigned through textContent, never parsed as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var claims = data.claims;
  var svg = document.getElementById("diagram-svg");
  var viewport = document.getElementById("viewport");
  var details = document.getElementById("details");
  var nodes = [];
  var spansOf = claims.map(function () { return []; });
  var outgoing = claims.map(function () { return []; });
  var incoming = claims.map(function () { return []; });
  var selected = -1;

  data.relations.forEach(function (r, k) {
    outgoing[r.from].push(k);
    incoming[r.to].push(k);
  });

  // -- diagram nodes -------------------------------------------------------
  var byNode = new Map();
  claims.forEach(function (c, i) { byNode.set(c.node, i); });
  if (svg) {
    svg.querySelectorAll("g.node").forEach(function (g) {
      var title = g.querySelector("title");
      var i = title ? byNode.get(title.textContent) : undefined;
      if (i === undefined) { return; }
      nodes[i] = g;
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", "claim " + claims[i].id + ": " + claims[i].text);
      g.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(i, "diagram"); }
      });
    });
  }

  // -- quotes in the source texts ----------------------------------------------
  document.querySelectorAll(".q").forEach(function (span) {
    var ids = span.getAttribute("data-c").split(" ").map(Number);
    ids.forEach(function (i) { if (spansOf[i]) { spansOf[i].push(span); } });
    var pick = function () {
      var visible = ids.filter(function (i) { return !isFiltered(i); });
      if (!visible.length) { return; }
      // Repeated clicks on nested quotes cycle through the claims they carry.
      var at = visible.indexOf(selected);
      select(visible[(at + 1) % visible.length], "text");
    };
    span.addEventListener("click", pick);
    span.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); }
    });
  });

  // -- selection -------------------------------------------------------------------
  function select(i, from) {
    if (selected >= 0) {
      if (nodes[selected]) { nodes[selected].classList.remove("selected"); }
      spansOf[selected].forEach(function (s) { s.classList.remove("current"); });
      linkedEdges(selected).forEach(function (el) { el.classList.remove("linked"); });
    }
    selected = i;
    if (nodes[i]) { nodes[i].classList.add("selected"); }
    spansOf[i].forEach(function (s) { s.classList.add("current"); });
    linkedEdges(i).forEach(function (el) { el.classList.add("linked"); });
    if (from !== "text" && spansOf[i].length) {
      spansOf[i][0].scrollIntoView({ block: "center" });
    }
    if (from !== "diagram") { centreOn(i); }
    showDetails(i);
  }

  function linkedEdges(i) {
    return outgoing[i].concat(incoming[i]).map(function (k) {
      return document.getElementById("rel-" + k);
    }).filter(Boolean);
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function claimLink(j) {
    var a = el("a", claims[j].id + ": " + claims[j].text);
    a.href = "#";
    a.addEventListener("click", function (e) { e.preventDefault(); select(j, "panel"); });
    return a;
  }

  function relationList(title, list, other, verbOut) {
    details.appendChild(el("h3", title + " (" + list.length + ")"));
    if (!list.length) { details.appendChild(el("p", "none", "hint")); return; }
    var ul = el("ul");
    list.forEach(function (k) {
      var r = data.relations[k];
      var li = el("li");
      var verb = r.type === "support" ? "supports" : "attacks";
      var word = el("span", verbOut ? verb + " " : (r.type === "support" ? "supported by " : "attacked by "),
        "rel-" + r.type);
      li.appendChild(word);
      li.appendChild(claimLink(r[other]));
      if (r.note) { li.appendChild(el("div", r.note, "hint")); }
      ul.appendChild(li);
    });
    details.appendChild(ul);
  }

  function showDetails(i) {
    var c = claims[i];
    var speaker = data.speakers[c.speaker];
    details.textContent = "";
    details.appendChild(el("h2", c.id));
    details.appendChild(el("p", speaker.name + " · " + c.kind, "meta"));
    var badges = el("p");
    badges.appendChild(el("span", c.status, "badge status"));
    if (c.label) {
      badges.appendChild(el("span", data.semantics + ": " + c.label, "badge label"));
    }
    details.appendChild(badges);
    details.appendChild(el("p", c.text, "paraphrase"));
    if (c.quote) {
      details.appendChild(el("blockquote", c.quote));
    } else {
      details.appendChild(el("p", "no quote", "hint"));
    }
    relationList("Relations out", outgoing[i], "to", true);
    relationList("Relations in", incoming[i], "from", false);
  }

  // -- filters ---------------------------------------------------------------------
  var filters = document.getElementById("filters");
  var hidden = new Set();
  function isFiltered(i) { return hidden.has(i); }
  function applyFilters() {
    var speakers = new Set();
    filters.querySelectorAll('input[name="speaker"]').forEach(function (box) {
      if (box.checked) { speakers.add(Number(box.value)); }
    });
    var status = document.getElementById("status-filter").value;
    var answers = document.getElementById("answers-filter").checked;
    hidden.clear();
    claims.forEach(function (c, i) {
      var ok = speakers.has(c.speaker);
      if (ok && status) {
        ok = status.indexOf("label:") === 0 ? c.label === status.slice(6) : c.status === status;
      }
      if (ok && answers) { ok = c.answers; }
      if (!ok) { hidden.add(i); }
      if (nodes[i]) { nodes[i].classList.toggle("filtered", !ok); }
    });
    data.relations.forEach(function (r, k) {
      var edge = document.getElementById("rel-" + k);
      if (edge) { edge.classList.toggle("filtered", hidden.has(r.from) || hidden.has(r.to)); }
    });
    document.querySelectorAll(".q").forEach(function (span) {
      var ids = span.getAttribute("data-c").split(" ").map(Number);
      span.classList.toggle("off", ids.every(function (i) { return hidden.has(i); }));
    });
  }
  filters.addEventListener("change", applyFilters);
  filters.addEventListener("submit", function (e) { e.preventDefault(); });

  // -- pan and zoom ----------------------------------------------------------------------
  if (!svg) { return; }
  var base = svg.viewBox.baseVal;
  var home = { x: base.x, y: base.y, w: base.width, h: base.height };
  var view = { x: home.x, y: home.y, w: home.w, h: home.h };
  function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
  function toSvg(cx, cy) {
    var p = svg.createSVGPoint();
    p.x = cx; p.y = cy;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoom(factor, cx, cy) {
    var w = view.w * factor;
    if (w < home.w / 40 || w > home.w * 4) { return; }
    view.x = cx - (cx - view.x) * factor;
    view.y = cy - (cy - view.y) * factor;
    view.w = w;
    view.h = view.h * factor;
    apply();
  }
  function zoomAtCentre(factor) { zoom(factor, view.x + view.w / 2, view.y + view.h / 2); }
  function pixelsPerUnit() { return svg.getScreenCTM().a; }
  function centreOn(i) {
    if (!nodes[i]) { return; }
    var box = nodes[i].getBoundingClientRect();
    var c = toSvg(box.left + box.width / 2, box.top + box.height / 2);
    var scale = pixelsPerUnit();
    if (scale < 0.8) { zoom(scale / 0.8, c.x, c.y); }
    view.x = c.x - view.w / 2;
    view.y = c.y - view.h / 2;
    apply();
  }
  viewport.addEventListener("wheel", function (e) {
    e.preventDefault();
    var p = toSvg(e.clientX, e.clientY);
    zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
  }, { passive: false });

  var drag = null;
  var suppressClick = false;
  viewport.addEventListener("pointerdown", function (e) {
    if (e.button !== 0) { return; }
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false };
  });
  window.addEventListener("pointermove", function (e) {
    if (!drag) { return; }
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
    drag.moved = true;
    viewport.classList.add("dragging");
    var s = pixelsPerUnit();
    view.x = drag.vx - dx / s;
    view.y = drag.vy - dy / s;
    apply();
  });
  window.addEventListener("pointerup", function () {
    if (drag && drag.moved) { suppressClick = true; }
    drag = null;
    viewport.classList.remove("dragging");
  });
  svg.addEventListener("click", function (e) {
    if (suppressClick) { suppressClick = false; return; }
    var g = e.target.closest ? e.target.closest("g.node") : null;
    if (!g) { return; }
    var i = nodes.indexOf(g);
    if (i >= 0) { select(i, "diagram"); }
  });
  viewport.addEventListener("keydown", function (e) {
    if (e.target !== viewport) { return; }
    var step = 0.1;
    var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[e.key]) {
      view.x += moves[e.key][0] * view.w;
      view.y += moves[e.key][1] * view.h;
      apply();
    } else if (e.key === "+" || e.key === "=") {
      zoomAtCentre(1 / 1.25);
    } else if (e.key === "-") {
      zoomAtCentre(1.25);
    } else if (e.key === "0") {
      view = { x: home.x, y: home.y, w: home.w, h: home.h }; apply();
    } else {
      return;
    }
    e.preventDefault();
  });
  document.getElementById("zoom-in").addEventListener("click", function () { zoomAtCentre(1 / 1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoomAtCentre(1.25); });
  document.getElementById("zoom-fit").addEventListener("click", function () {
    view = { x: home.x, y: home.y, w: home.w, h: home.h }; apply();
  });
}());
