// argmap: the grounded labelling of an attack graph handed over as data.
// Pure functions, no DOM: window.argmapGrounded = { active, label }.
//
// The graph is the compiled argumentation framework that Python builds for the page
// (argmap.framework): `ids` (its arguments), `attacks` ([attacker, attacked] index
// pairs), and optionally `needs` (for each attack, the ids it runs through, e.g. a
// derived attack's support chain) and `node_needs` (for each argument, the ids it
// depends on, e.g. an argument node's premises). Switching an id off removes every
// argument and attack that names or needs it.
//
// The grounded labelling (Dung 1995; in labelling form, Caminada 2006): an argument
// is IN when all its attackers are OUT, OUT when some attacker is IN, and UNDEC
// otherwise; it is the least fixpoint, computed here in O(n + m) by propagating from
// the unattacked arguments.
(function (root) {
  "use strict";

  function hasAny(list, off) {
    if (!list) { return false; }
    for (var k = 0; k < list.length; k++) {
      if (off.has(list[k])) { return true; }
    }
    return false;
  }

  // Which arguments and attacks remain when the ids in `off` (a Set) are switched off.
  function active(af, off) {
    var n = af.ids.length;
    var alive = new Array(n);
    for (var i = 0; i < n; i++) {
      alive[i] = !off.has(af.ids[i]) && !hasAny(af.node_needs ? af.node_needs[i] : null, off);
    }
    var attacks = [];
    af.attacks.forEach(function (pair, k) {
      if (alive[pair[0]] && alive[pair[1]] && !hasAny(af.needs ? af.needs[k] : null, off)) {
        attacks.push(pair);
      }
    });
    return { alive: alive, attacks: attacks };
  }

  // Labels by index: "in", "out", "undec", or "off" for arguments switched off.
  function label(af, off) {
    var act = active(af, off || new Set());
    var n = af.ids.length;
    var out = [], inn = [];
    var open = new Array(n).fill(0);       // attackers not yet OUT
    var lab = new Array(n).fill(null);
    for (var i = 0; i < n; i++) { out.push([]); inn.push([]); }
    act.attacks.forEach(function (p) { out[p[0]].push(p[1]); inn[p[1]].push(p[0]); open[p[1]]++; });
    var queue = [];
    for (i = 0; i < n; i++) {
      if (!act.alive[i]) { lab[i] = "off"; } else if (open[i] === 0) { lab[i] = "in"; queue.push(i); }
    }
    while (queue.length) {
      var a = queue.pop();
      out[a].forEach(function (b) {
        if (lab[b] !== null) { return; }
        lab[b] = "out";
        out[b].forEach(function (c) {
          open[c]--;
          if (open[c] === 0 && lab[c] === null) { lab[c] = "in"; queue.push(c); }
        });
      });
    }
    for (i = 0; i < n; i++) { if (lab[i] === null) { lab[i] = "undec"; } }
    return { labels: lab, attackers: inn, attacked: out };
  }

  root.argmapGrounded = { active: active, label: label };
}(window));
