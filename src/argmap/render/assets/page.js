// argmap interactive page. Reads the JSON data block and wires the diagram, the
// source texts, the details panel, search, filters, the verdicts and the what-if.
// User text is only ever assigned through textContent, never parsed as markup.
//
// Hooks for pages built on this one (an editing page adds its own script after this
// one): window.argmap.page = {
//   data, claimIndex(id), node(i), selected(), select(i, from), refresh(),
//   labels() (claim index -> status key shown), off (Set of claim ids switched off),
//   toggle(id), on(event, fn) with events "select" (i), "statuses" (labels),
//   addPanelSection(fn(i, panel, el)) to append to the details panel of claim i.
// }
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var claims = data.claims;
  var styles = data.styles;
  var af = data.framework;
  var svg = document.getElementById("diagram-svg");
  var viewport = document.getElementById("viewport");
  var details = document.getElementById("details");
  var whatif = document.getElementById("whatif");
  var verdicts = document.getElementById("verdicts");
  var handlers = { select: [], statuses: [] };
  var panelSections = [];
  var nodes = [];
  var junctions = new Map();
  var spansOf = claims.map(function () { return []; });
  var outgoing = claims.map(function () { return []; });
  var incoming = claims.map(function () { return []; });
  var undercutsOf = new Map();
  var argsFor = claims.map(function () { return []; });
  var premiseOf = claims.map(function () { return []; });
  var indexOf = new Map();
  var argById = new Map();
  var selected = -1;
  var selectedArg = null;
  var off = new Set();

  claims.forEach(function (c, i) { indexOf.set(c.id, i); });
  (data.arguments || []).forEach(function (a) {
    argById.set(a.id, a);
    argsFor[indexOf.get(a.conclusion)].push(a);
    a.premises.forEach(function (p) { premiseOf[indexOf.get(p)].push(a); });
  });
  data.relations.forEach(function (r, k) {
    outgoing[indexOf.get(r.from)].push(k);
    if (indexOf.has(r.to)) {
      incoming[indexOf.get(r.to)].push(k);
    } else {
      if (!undercutsOf.has(r.to)) { undercutsOf.set(r.to, []); }
      undercutsOf.get(r.to).push(k);
    }
  });

  function emit(name, arg) { handlers[name].forEach(function (fn) { fn(arg); }); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function word(lab) { return styles[lab] ? styles[lab].word : lab; }

  // -- statuses: as handed in by Python, and recomputed by the what-if -------------
  var afIndex = new Map();
  if (af) { af.ids.forEach(function (id, k) { afIndex.set(id, k); }); }
  var hasSemantics = !!data.semantics;
  var initial = claims.map(function (c) { return c.label || null; });
  var groundedBase = af ? groundedLabels(new Set()) : null;
  var shown = initial.slice();   // what the diagram shows now (null: speaker colours)

  function groundedLabels(offSet) {
    var res = window.argmapGrounded.label(af, offSet);
    return claims.map(function (c) {
      if (offSet.has(c.id)) { return "off"; }
      var k = afIndex.get(c.id);
      return k === undefined ? null : res.labels[k];
    });
  }
  var attackersCache = { key: null, of: null };
  function activeAttackers(id) {
    // AF ids attacking `id` with the current switches (one pass per set of switches).
    if (!af || !afIndex.has(id)) { return []; }
    var key = Array.from(off).sort().join("\u0000");
    if (attackersCache.key !== key) {
      var of = af.ids.map(function () { return []; });
      window.argmapGrounded.active(af, off).attacks.forEach(function (p) { of[p[1]].push(af.ids[p[0]]); });
      attackersCache = { key: key, of: of };
    }
    return attackersCache.of[afIndex.get(id)];
  }
  function labelOfId(id) {
    var i = indexOf.get(id);
    return i === undefined ? null : shown[i];
  }
  function statusKey(i) { return shown[i] || claims[i].status; }

  // -- diagram nodes -------------------------------------------------------------
  var byNode = new Map();
  claims.forEach(function (c, i) { byNode.set(c.node, i); });
  if (svg) {
    svg.querySelectorAll("g.node").forEach(function (g) {
      var gid = g.getAttribute("id") || "";
      if (gid.indexOf("arg-") === 0 && argById.has(gid.slice(4))) {
        junctions.set(gid.slice(4), g);
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
        g.setAttribute("aria-label", "argument " + gid.slice(4));
        g.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); selectArgument(gid.slice(4)); }
        });
        return;
      }
      var title = g.querySelector("title");
      var i = title ? byNode.get(title.textContent) : undefined;
      if (i === undefined) { return; }
      nodes[i] = g;
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", "claim " + claims[i].id + ": " + claims[i].text);
      var shapes = Array.prototype.filter.call(g.querySelectorAll("path, polygon"), function (s) {
        return s.getAttribute("fill") && s.getAttribute("fill") !== "none";
      });
      g._argmap = {
        shapes: shapes,
        fill: shapes.map(function (s) { return s.getAttribute("fill"); }),
        dash: shapes.map(function (s) { return s.getAttribute("stroke-dasharray"); }),
        word: Array.prototype.filter.call(g.querySelectorAll("text"), function (t) {
          return initial[i] && t.textContent.trim() === word(initial[i]);
        })[0] || null
      };
      g.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(i, "diagram"); }
      });
    });
  }

  function paint() {
    claims.forEach(function (c, i) {
      var g = nodes[i];
      if (!g) { return; }
      var key = statusKey(i);
      g.setAttribute("data-status", key);
      g.classList.toggle("switched-off", off.has(c.id));
      var info = g._argmap;
      var lab = shown[i];
      info.shapes.forEach(function (s, k) {
        if (lab && styles[lab]) {
          s.setAttribute("fill", styles[lab].fill);
          var dash = { dashed: "5,2", dotted: "1,5" }[styles[lab].border];
          if (dash) { s.setAttribute("stroke-dasharray", dash); } else { s.removeAttribute("stroke-dasharray"); }
        } else {
          s.setAttribute("fill", info.fill[k]);
          if (info.dash[k]) { s.setAttribute("stroke-dasharray", info.dash[k]); } else { s.removeAttribute("stroke-dasharray"); }
        }
      });
      if (info.word && lab) { info.word.textContent = word(lab); }
    });
  }

  // -- verdicts: one line per speaker on their theses ----------------------------
  function mainClaims(s) {
    var own = [];
    claims.forEach(function (c, i) { if (c.speaker === s) { own.push(i); } });
    var theses = own.filter(function (i) { return claims[i].kind === "thesis"; });
    if (theses.length) { return theses; }
    return own.filter(function (i) {
      return !outgoing[i].length && !premiseOf[i].length;
    }).slice(0, 3);
  }
  var STANDS = { "in": 1, "skeptical": 1, "unattacked": 1 };
  var FALLS = { "out": 1, "rejected": 1 };
  function reason(i) {
    var c = claims[i];
    var lab = shown[i];
    if (off.has(c.id)) { return ""; }
    var attackers = af ? activeAttackers(c.id) : incoming[i].filter(function (k) {
      return data.relations[k].type === "attack";
    }).map(function (k) { return data.relations[k].from; });
    if (!lab) {
      return attackers.length ? "attacked by " + attackers.slice(0, 3).join(", ") +
        (attackers.length > 3 ? " and " + (attackers.length - 3) + " more" : "") : "nobody attacks it";
    }
    if (STANDS[lab]) {
      if (!attackers.length) { return "nothing attacks it"; }
      return attackers.length === 1 ? "its one attacker, " + attackers[0] + ", falls"
        : "each of its " + attackers.length + " attackers falls";
    }
    if (FALLS[lab]) {
      var strong = attackers.filter(function (a) { return STANDS[labelOfId(a)]; });
      var culprit = strong[0] || attackers[0];
      if (!culprit) { return "no extension accepts it"; }
      var theirs = activeAttackers(culprit);
      if (!theirs.length) { return "attacked by " + culprit + ", which nothing answers"; }
      if (!strong.length) { return "attacked by " + attackers.slice(0, 3).join(", "); }
      return "attacked by " + culprit + ", which stands: " + (theirs.length === 1
        ? "its attacker " + theirs[0] + " falls" : "its " + theirs.length + " attackers fall");
    }
    var open = attackers.filter(function (a) { return !FALLS[labelOfId(a)]; });
    return open.length ? "attacked by " + open.slice(0, 3).join(", ") + ", still open" : "still open";
  }
  function claimButton(i, text) {
    var b = el("button", text || claims[i].id, "link");
    b.type = "button";
    b.addEventListener("click", function () { select(i, "panel"); });
    return b;
  }
  function renderVerdicts() {
    verdicts.textContent = "";
    if (!hasSemantics && !off.size) { verdicts.hidden = true; return; }
    verdicts.hidden = false;
    var sem = off.size ? "GR (what-if)" : data.semantics;
    data.speakers.forEach(function (sp, s) {
      var picks = mainClaims(s);
      if (!picks.length) { return; }
      var p = el("p", null, "verdict");
      p.appendChild(el("span", null, "sw s" + s));
      p.appendChild(el("b", sp.name));
      p.appendChild(document.createTextNode(" (" + sem + "): "));
      picks.forEach(function (i, n) {
        if (n) { p.appendChild(document.createTextNode("; ")); }
        p.appendChild(document.createTextNode(claims[i].kind === "thesis" ? "thesis " : ""));
        p.appendChild(claimButton(i));
          p.appendChild(document.createTextNode(" is "));
        p.appendChild(el("b", word(statusKey(i)), "st st-" + statusKey(i)));
        var why = reason(i);
        if (why) { p.appendChild(document.createTextNode(": " + why)); }
      });
      p.appendChild(document.createTextNode("."));
      verdicts.appendChild(p);
    });
  }

  // -- quotes in the source texts ----------------------------------------------------
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

  // -- selection -----------------------------------------------------------------------
  function clearSelection() {
    if (selected >= 0) {
      if (nodes[selected]) { nodes[selected].classList.remove("selected"); }
      spansOf[selected].forEach(function (s) { s.classList.remove("current"); });
      linkedEdges(selected).forEach(function (e) { e.classList.remove("linked"); });
    }
    if (selectedArg && junctions.get(selectedArg)) { junctions.get(selectedArg).classList.remove("selected"); }
    selected = -1;
    selectedArg = null;
  }
  function select(i, from) {
    // Read the layout before writing anything: a read after a write forces Chromium
    // to lay the whole page out again, which costs most on a large diagram.
    var target = nodes[i] && svg ? zoomTarget(nodes[i]) : null;
    if (selected !== i) { details.scrollTop = 0; }
    clearSelection();
    selected = i;
    if (nodes[i]) { nodes[i].classList.add("selected"); }
    spansOf[i].forEach(function (s) { s.classList.add("current"); });
    linkedEdges(i).forEach(function (e) { e.classList.add("linked"); });
    showDetails(i);  // first: the panel's new height moves the text pane
    if (from !== "text" && spansOf[i].length) { scrollToQuote(spansOf[i][0]); }
    if (target) { view = target; apply(); }
    emit("select", i);
  }
  // Scroll the text pane (not the page) so the quote sits in its middle.
  var sources = document.getElementById("sources");
  function scrollToQuote(span) {
    var box = sources.getBoundingClientRect();
    var r = span.getBoundingClientRect();
    sources.scrollTop += (r.top - box.top) - (box.height - r.height) / 2;
  }
  function selectArgument(id) {
    var g = junctions.get(id);
    var target = g && svg ? zoomTarget(g) : null;
    details.scrollTop = 0;
    clearSelection();
    selectedArg = id;
    if (g) { g.classList.add("selected"); }
    if (target) { view = target; apply(); }
    showArgument(argById.get(id));
  }
  function edgeIds(i) {
    var ids = outgoing[i].concat(incoming[i]).map(function (k) { return "rel-" + k; });
    argsFor[i].concat(premiseOf[i]).forEach(function (a) {
      ids.push("arg-" + a.id, "argc-" + a.id);
      a.premises.forEach(function (_, j) { ids.push("argp-" + a.id + "-" + j); });
    });
    return ids;
  }
  function linkedEdges(i) {
    return edgeIds(i).map(function (id) { return document.getElementById(id); })
      .filter(function (e) { return e && e.classList.contains("edge"); });
  }

  function claimLink(j) {
    var a = el("a", claims[j].id + ": " + claims[j].text);
    a.href = "#";
    a.addEventListener("click", function (e) { e.preventDefault(); select(j, "panel"); });
    return a;
  }
  function argumentLink(a) {
    var link = el("a", a.id);
    link.href = "#";
    link.addEventListener("click", function (e) { e.preventDefault(); selectArgument(a.id); });
    return link;
  }
  function section(title, count) {
    details.appendChild(el("h3", title + (count === undefined ? "" : " (" + count + ")")));
  }
  function relationList(title, list, other, verbOut) {
    section(title, list.length);
    if (!list.length) { details.appendChild(el("p", "none", "hint")); return; }
    var ul = el("ul");
    list.forEach(function (k) {
      var r = data.relations[k];
      var li = el("li");
      var verb = verbOut ? { support: "supports ", attack: "attacks ", undercut: "undercuts " }[r.type]
        : { support: "supported by ", attack: "attacked by ", undercut: "undercut by " }[r.type];
      li.appendChild(el("span", verb, "rel-" + r.type));
      var j = indexOf.get(r[other]);
      if (j === undefined) {
        li.appendChild(document.createTextNode("argument "));
        li.appendChild(argumentLink(argById.get(r[other])));
      } else {
        li.appendChild(claimLink(j));
      }
      if (r.note) { li.appendChild(el("div", r.note, "hint")); }
      ul.appendChild(li);
    });
    details.appendChild(ul);
  }
  function premisesList(a) {
    var ul = el("ul", null, "premises");
    a.premises.forEach(function (p) {
      var li = el("li");
      li.appendChild(claimLink(indexOf.get(p)));
      ul.appendChild(li);
    });
    return ul;
  }
  function argumentBlock(a, withConclusion) {
    var box = el("div", null, "argument");
    var head = el("p");
    head.appendChild(argumentLink(a));
    head.appendChild(document.createTextNode(a.premises.length > 1
      ? ": " + a.premises.length + " linked premises, jointly" : ": one premise"));
    if (a.scheme) { head.appendChild(el("span", " · " + a.scheme, "hint")); }
    box.appendChild(head);
    box.appendChild(premisesList(a));
    if (withConclusion) {
      var to = el("p", "for ");
      to.appendChild(claimLink(indexOf.get(a.conclusion)));
      box.appendChild(to);
    }
    var cuts = undercutsOf.get(a.id) || [];
    if (cuts.length) {
      var u = el("p", "undercut by ", "rel-undercut");
      cuts.forEach(function (k, n) {
        if (n) { u.appendChild(document.createTextNode(", ")); }
        u.appendChild(claimLink(indexOf.get(data.relations[k].from)));
      });
      box.appendChild(u);
    }
    if (a.note) { box.appendChild(el("p", a.note, "hint")); }
    return box;
  }

  function showDetails(i) {
    var c = claims[i];
    var speaker = data.speakers[c.speaker];
    details.textContent = "";
    details.appendChild(el("h2", c.id));
    details.appendChild(el("p", speaker.name + " · " + c.kind, "meta"));
    var badges = el("p", null, "badges");
    var key = statusKey(i);
    var semName = off.size ? "GR, what-if" : data.semantics;
    if (shown[i]) {
      var b = el("span", (semName ? semName + ": " : "") + word(shown[i]), "badge st-" + shown[i]);
      b.title = styles[shown[i]].meaning;
      badges.appendChild(b);
    }
    badges.appendChild(el("span", c.status, "badge st-" + c.status));
    details.appendChild(badges);
    if ((shown[i] || hasSemantics) && reason(i)) {
      details.appendChild(el("p", "Why: " + reason(i) + ".", "why"));
    }
    if (c.cut) { details.appendChild(el("p", "+" + c.cut + " relations not drawn in this picture", "hint")); }
    details.appendChild(el("p", c.text, "paraphrase"));
    if (c.quote) {
      details.appendChild(el("blockquote", c.quote));
    } else {
      details.appendChild(el("p", "no quote", "hint"));
    }
    if (af && afIndex.has(c.id)) {
      var t = el("button", off.has(c.id) ? "Switch back on" : "What if? Switch this claim off", "toggle");
      t.type = "button";
      t.setAttribute("data-action", "toggle-claim");
      t.setAttribute("data-claim", c.id);
      t.setAttribute("aria-pressed", off.has(c.id) ? "true" : "false");
      t.addEventListener("click", function () { toggle(c.id); });
      details.appendChild(t);
    }
    if (argsFor[i].length) {
      section("Arguments for it", argsFor[i].length);
      argsFor[i].forEach(function (a) { details.appendChild(argumentBlock(a, false)); });
    }
    if (premiseOf[i].length) {
      section("Premise of", premiseOf[i].length);
      premiseOf[i].forEach(function (a) { details.appendChild(argumentBlock(a, true)); });
    }
    relationList("Relations out", outgoing[i], "to", true);
    relationList("Relations in", incoming[i], "from", false);
    panelSections.forEach(function (fn) { fn(i, details, el); });
    if (key) { details.setAttribute("data-status", key); }
  }

  function showArgument(a) {
    details.textContent = "";
    details.removeAttribute("data-status");
    details.appendChild(el("h2", a.id));
    details.appendChild(el("p", "argument by " + data.speakers[a.speaker].name +
      (a.scheme ? " · " + a.scheme : ""), "meta"));
    section("Premises (linked: together one reason)", a.premises.length);
    details.appendChild(premisesList(a));
    section("Conclusion");
    details.appendChild(claimLink(indexOf.get(a.conclusion)));
    var cuts = undercutsOf.get(a.id) || [];
    section("Undercut by", cuts.length);
    if (!cuts.length) { details.appendChild(el("p", "none", "hint")); }
    cuts.forEach(function (k) {
      var p = el("p");
      p.appendChild(claimLink(indexOf.get(data.relations[k].from)));
      details.appendChild(p);
    });
    if (a.note) { details.appendChild(el("p", a.note, "hint")); }
  }

  // -- what if: switch claims off, recompute grounded in the page ------------------------
  function toggle(id) {
    if (!af) { return; }
    if (off.has(id)) { off.delete(id); } else { off.add(id); }
    refresh();
    if (selected >= 0) { showDetails(selected); }
  }
  function refresh() {
    var before = shown.slice();
    if (off.size) {
      shown = groundedLabels(off);
    } else {
      shown = initial.slice();
    }
    paint();
    renderVerdicts();
    renderWhatIf(before);
    applyFilters();
    emit("statuses", shown);
  }
  function renderWhatIf(before) {
    whatif.textContent = "";
    if (!off.size) { whatif.hidden = true; return; }
    whatif.hidden = false;
    var head = el("p", null, "whatif-head");
    head.appendChild(el("b", "What if: "));
    head.appendChild(document.createTextNode(Array.from(off).join(", ") + " switched off. " +
      "Grounded statuses recomputed" + (data.semantics && data.semantics !== "GR"
        ? " (the page's what-if uses GR, not " + data.semantics + ")" : "") + "."));
    whatif.appendChild(head);
    var base = groundedBase;
    var changes = [];
    claims.forEach(function (c, i) {
      if (!off.has(c.id) && base[i] !== shown[i]) { changes.push(i); }
    });
    var p = el("p", null, "changes");
    if (!changes.length) {
      p.textContent = "No other claim changes status.";
    } else {
      p.appendChild(document.createTextNode("Changed against the full map: "));
      changes.forEach(function (i, n) {
        if (n) { p.appendChild(document.createTextNode("; ")); }
        p.appendChild(claimButton(i));
        p.appendChild(document.createTextNode(" " + word(base[i]) + " \u2192 " + word(shown[i])));
      });
    }
    whatif.appendChild(p);
    var reset = el("button", "Switch all back on", "toggle");
    reset.type = "button";
    reset.setAttribute("data-action", "reset-whatif");
    reset.addEventListener("click", function () {
      off.clear();
      refresh();
      if (selected >= 0) { showDetails(selected); }
    });
    whatif.appendChild(reset);
    void before;
  }

  // -- search -----------------------------------------------------------------------------
  var search = document.getElementById("search");
  var results = document.getElementById("search-results");
  var count = document.getElementById("search-count");
  var matches = [];
  function norm(s) { return (s || "").toLowerCase(); }
  function runSearch() {
    var q = norm(search.value).trim();
    matches = [];
    nodes.forEach(function (g) { if (g) { g.classList.remove("match"); } });
    results.textContent = "";
    if (!q) { results.hidden = true; count.textContent = ""; return; }
    var words = q.split(/\s+/);
    claims.forEach(function (c, i) {
      var id = norm(c.id);
      var hay = id + " " + norm(c.text) + " " + norm(c.quote);
      var hit = id === q ? 2 : words.every(function (w) { return hay.indexOf(w) >= 0; }) ? 1 : 0;
      if (hit) { matches.push([hit, i]); }
    });
    matches.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    matches = matches.map(function (m) { return m[1]; });
    matches.forEach(function (i) { if (nodes[i]) { nodes[i].classList.add("match"); } });
    count.textContent = matches.length + (matches.length === 1 ? " claim" : " claims");
    matches.slice(0, 12).forEach(function (i) {
      var li = el("li");
      var b = el("button", claims[i].id + ": " + claims[i].text, "result");
      b.type = "button";
      b.addEventListener("click", function () { results.hidden = true; select(i, "search"); });
      li.appendChild(b);
      results.appendChild(li);
    });
    results.hidden = !matches.length;
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && matches.length) {
      e.preventDefault();
      results.hidden = true;
      select(matches[0], "search");
    } else if (e.key === "Escape") {
      search.value = "";
      runSearch();
    }
  });

  // -- filters ---------------------------------------------------------------------------
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
        ok = status.indexOf("label:") === 0 ? shown[i] === status.slice(6) : c.status === status;
      }
      if (ok && answers) { ok = c.answers; }
      if (!ok) { hidden.add(i); }
      if (nodes[i]) { nodes[i].classList.toggle("filtered", !ok); }
    });
    data.relations.forEach(function (r, k) {
      var edge = document.getElementById("rel-" + k);
      var to = indexOf.has(r.to) ? hidden.has(indexOf.get(r.to)) : false;
      if (edge) { edge.classList.toggle("filtered", hidden.has(indexOf.get(r.from)) || to); }
    });
    document.querySelectorAll(".q").forEach(function (span) {
      var ids = span.getAttribute("data-c").split(" ").map(Number);
      span.classList.toggle("off", ids.every(function (i) { return hidden.has(i); }));
    });
  }
  filters.addEventListener("change", applyFilters);
  filters.addEventListener("submit", function (e) { e.preventDefault(); });

  // -- pan and zoom ----------------------------------------------------------------------
  var READABLE = 0.9;   // screen pixels per diagram point at which labels read well
  var view, full;
  function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
  function toSvg(cx, cy) {
    var p = svg.createSVGPoint();
    p.x = cx; p.y = cy;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function pixelsPerUnit() { return svg.getScreenCTM().a; }
  function boxOf(elements) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    elements.forEach(function (g) {
      var r = g.getBoundingClientRect();
      var a = toSvg(r.left, r.top), b = toSvg(r.right, r.bottom);
      x0 = Math.min(x0, a.x); y0 = Math.min(y0, a.y); x1 = Math.max(x1, b.x); y1 = Math.max(y1, b.y);
    });
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }
  function showBox(box, minScale) {
    var r = viewport.getBoundingClientRect();
    var pad = 24;
    var scale = Math.min(r.width / (box.w + 2 * pad), r.height / (box.h + 2 * pad));
    if (minScale && scale < minScale) { scale = minScale; }
    var cx = box.x + box.w / 2, cy = box.y + box.h / 2;
    view = { x: cx - r.width / scale / 2, y: cy - r.height / scale / 2,
             w: r.width / scale, h: r.height / scale };
    apply();
  }
  // The view that centres on node g at a readable size (reads the layout only).
  function zoomTarget(g) {
    var box = boxOf([g]);
    var r = viewport.getBoundingClientRect();
    var scale = Math.max(pixelsPerUnit(), 1.1);
    var cx = box.x + box.w / 2, cy = box.y + box.h / 2;
    return { x: cx - r.width / scale / 2, y: cy - r.height / scale / 2,
             w: r.width / scale, h: r.height / scale };
  }
  function zoom(factor, cx, cy) {
    var w = view.w * factor;
    if (w < full.w / 60 || w > full.w * 4) { return; }
    view.x = cx - (cx - view.x) * factor;
    view.y = cy - (cy - view.y) * factor;
    view.w = w;
    view.h = view.h * factor;
    apply();
  }
  function zoomAtCentre(factor) { zoom(factor, view.x + view.w / 2, view.y + view.h / 2); }
  function fitAll() { view = { x: full.x, y: full.y, w: full.w, h: full.h }; apply(); }
  // The opening view: the theses and what answers them, at a readable size.
  function home() {
    var theses = [];
    claims.forEach(function (c, i) { if (c.kind === "thesis" && nodes[i]) { theses.push(i); } });
    if (!theses.length) {
      claims.forEach(function (c, i) { if (nodes[i] && !outgoing[i].length) { theses.push(i); } });
    }
    theses = theses.slice(0, 6);
    if (!theses.length) { fitAll(); return; }
    var near = new Set(theses);
    theses.forEach(function (i) {
      incoming[i].forEach(function (k) { near.add(indexOf.get(data.relations[k].from)); });
      argsFor[i].forEach(function (a) { a.premises.forEach(function (p) { near.add(indexOf.get(p)); }); });
    });
    var els = Array.from(near).map(function (i) { return nodes[i]; }).filter(Boolean);
    var box = boxOf(els);
    var r = viewport.getBoundingClientRect();
    var fits = Math.min(r.width / (box.w + 48), r.height / (box.h + 48));
    if (fits >= READABLE) {
      showBox(box, 0);
      if (pixelsPerUnit() > 1.6) { showBox(box, 0); zoomAtCentre(pixelsPerUnit() / 1.6); }
    } else {
      // Too much for one screen: start on the first thesis and its answers, readable,
      // keeping the thesis itself in view.
      var first = [nodes[theses[0]]];
      incoming[theses[0]].forEach(function (k) {
        var j = indexOf.get(data.relations[k].from);
        if (nodes[j]) { first.push(nodes[j]); }
      });
      showBox(boxOf(first), READABLE);
      keepInView(boxOf([nodes[theses[0]]]));
    }
  }
  function keepInView(b) {
    var m = 30 / pixelsPerUnit();
    if (b.x - m < view.x) { view.x = b.x - m; }
    if (b.x + b.w + m > view.x + view.w) { view.x = b.x + b.w + m - view.w; }
    if (b.y - m < view.y) { view.y = b.y - m; }
    if (b.y + b.h + m > view.y + view.h) { view.y = b.y + b.h + m - view.h; }
    apply();
  }

  var drag = null;
  var suppressClick = false;
  if (svg) {
    var base = svg.viewBox.baseVal;
    full = { x: base.x, y: base.y, w: base.width, h: base.height };
    view = { x: full.x, y: full.y, w: full.w, h: full.h };
    viewport.addEventListener("wheel", function (e) {
      e.preventDefault();
      var p = toSvg(e.clientX, e.clientY);
      zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
    }, { passive: false });
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
      if (i >= 0) { select(i, "diagram"); return; }
      var gid = g.getAttribute("id") || "";
      if (gid.indexOf("arg-") === 0 && junctions.has(gid.slice(4))) { selectArgument(gid.slice(4)); }
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
        fitAll();
      } else {
        return;
      }
      e.preventDefault();
    });
    document.getElementById("zoom-in").addEventListener("click", function () { zoomAtCentre(1 / 1.25); });
    document.getElementById("zoom-out").addEventListener("click", function () { zoomAtCentre(1.25); });
    document.getElementById("zoom-fit").addEventListener("click", fitAll);
    document.getElementById("zoom-home").addEventListener("click", home);
  }

  // -- start -------------------------------------------------------------------------------
  paint();
  renderVerdicts();
  if (svg) { home(); }

  window.argmap = window.argmap || {};
  window.argmap.page = {
    data: data,
    claimIndex: function (id) { return indexOf.get(id); },
    node: function (i) { return nodes[i]; },
    selected: function () { return selected; },
    select: select,
    selectArgument: selectArgument,
    refresh: refresh,
    labels: function () { return shown.slice(); },
    off: off,
    toggle: toggle,
    home: home,
    on: function (name, fn) { handlers[name].push(fn); },
    addPanelSection: function (fn) { panelSections.push(fn); }
  };
}());
