// relgraph interactive map. Reads the data from #relgraph-data; writes
// text into the page only through textContent, never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("relgraph-data").textContent);
  var map = document.getElementById("map");
  var svg = map.querySelector("svg");
  var panel = document.getElementById("panel");
  var search = document.getElementById("search");
  var tbody = document.querySelector("table.rank tbody");

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fmt(v) {
    if (v === null || v === undefined) return "–";
    if (Number.isInteger(v)) return String(v);
    return Number(v).toPrecision(4).replace(/\.?0+$/, "");
  }
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var nodeBySvg = {}, nodeById = {}, edgeBySvg = {};
  data.nodes.forEach(function (n) { nodeBySvg[n.svg] = n; nodeBySvg["name-" + n.svg] = n; nodeById[n.id] = n; n.ties = []; });
  data.edges.forEach(function (e) {
    edgeBySvg[e.svg] = e;
    edgeBySvg["label-" + e.svg] = e;
    if (nodeById[e.source]) nodeById[e.source].ties.push({ other: e.target, edge: e });
    if (nodeById[e.target]) nodeById[e.target].ties.push({ other: e.source, edge: e });
  });
  data.nodes.forEach(function (n) {
    n.ties.sort(function (a, b) { return b.edge.weight - a.edge.weight || (nameOf(a.other) < nameOf(b.other) ? -1 : 1); });
  });
  function nameOf(id) { return nodeById[id] ? nodeById[id].name : id; }
  function svgEl(id) { return id ? document.getElementById(id) : null; }

  // Pan and zoom by changing the viewBox.
  var vb0 = svg.viewBox.baseVal, view = { x: vb0.x, y: vb0.y, w: vb0.width, h: vb0.height }, home = Object.assign({}, view);
  svg.removeAttribute("width"); svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
  function toUser(cx, cy) {
    var p = svg.createSVGPoint(); p.x = cx; p.y = cy;
    var m = svg.getScreenCTM();
    return m ? p.matrixTransform(m.inverse()) : { x: view.x + view.w / 2, y: view.y + view.h / 2 };
  }
  function zoom(f, cx, cy) {
    var r = svg.getBoundingClientRect();
    if (cx === undefined) { cx = r.left + r.width / 2; cy = r.top + r.height / 2; }
    var u = toUser(cx, cy);
    var w = Math.min(Math.max(view.w * f, home.w / 40), home.w * 4), k = w / view.w;
    view.x = u.x - (u.x - view.x) * k; view.y = u.y - (u.y - view.y) * k;
    view.w = w; view.h = view.h * k; apply();
  }
  map.addEventListener("wheel", function (ev) { ev.preventDefault(); zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, ev.clientX, ev.clientY); }, { passive: false });
  var drag = null, moved = false;
  map.addEventListener("pointerdown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y }; moved = false; });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) { moved = true; map.classList.add("dragging"); }
    if (!moved) return;
    var m = svg.getScreenCTM(), s = m ? m.a : 1;
    view.x = drag.vx - dx / s; view.y = drag.vy - dy / s; apply();
  });
  window.addEventListener("pointerup", function () { drag = null; map.classList.remove("dragging"); });
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(1 / 1.4); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(1.4); });
  document.getElementById("zoom-reset").addEventListener("click", function () { view = Object.assign({}, home); apply(); });

  // Selection.
  function clear() {
    map.classList.remove("focus");
    svg.querySelectorAll(".selected, .near").forEach(function (e) { e.classList.remove("selected", "near"); });
    tbody.querySelectorAll("tr.selected").forEach(function (e) { e.classList.remove("selected"); });
  }
  // A node's elements: its group and, in big maps, its name lifted
  // above the drawing ("name-" + its id).
  function nodeEls(n) { return n ? [svgEl(n.svg), svgEl("name-" + n.svg)] : []; }
  function near(e) {
    [svgEl(e.svg), svgEl("label-" + e.svg)].concat(nodeEls(nodeById[e.source]), nodeEls(nodeById[e.target]))
      .forEach(function (x) { if (x) x.classList.add("near"); });
  }
  function selectNode(n) {
    clear();
    nodeEls(n).forEach(function (g) { if (g) g.classList.add("selected", "near"); });
    map.classList.add("focus");
    n.ties.forEach(function (t) { near(t.edge); });
    if (n.row) n.row.classList.add("selected");
    panel.replaceChildren();
    panel.dataset.selected = "node:" + n.id;
    var h = el("h2"); h.appendChild(el("span", "", "swatch")).style.background = n.colour; h.appendChild(el("span", n.name)); panel.appendChild(h);
    var dl = el("dl");
    function row(k, v) { dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v)); }
    row("id", n.id);
    if (n.rank) row("rank", n.rank + " of " + data.nodes.length + " by " + data.by);
    if (n.mentions != null) row("mentions", n.mentions);
    if (n.community != null) row("community", n.community);
    data.measures.forEach(function (m, i) { row(m, fmt(n.values[i])); });
    panel.appendChild(dl);
    panel.appendChild(el("h3", n.ties.length ? "Strongest ties" : "No ties"));
    var ol = el("ol", null, "ties");
    n.ties.slice(0, 8).forEach(function (t) {
      var li = el("li");
      var a = el("a", nameOf(t.other)); a.href = "#"; a.addEventListener("click", function (ev) { ev.preventDefault(); selectEdge(t.edge); });
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + fmt(t.edge.weight) + " interaction" + (t.edge.weight === 1 ? "" : "s") + (t.edge.relation ? " (" + t.edge.relation + ")" : "")));
      ol.appendChild(li);
    });
    panel.appendChild(ol);
    if (n.ties.length > 8) panel.appendChild(el("p", "+" + (n.ties.length - 8) + " more", "hint"));
  }
  function selectEdge(e) {
    clear();
    var g = svgEl(e.svg);
    if (g) g.classList.add("selected");
    map.classList.add("focus");
    near(e);
    panel.replaceChildren();
    panel.dataset.selected = "edge:" + e.source + "\u0000" + e.target;
    panel.appendChild(el("h2", nameOf(e.source) + (data.directed ? " → " : " – ") + nameOf(e.target)));
    var dl = el("dl");
    dl.appendChild(el("dt", "weight")); dl.appendChild(el("dd", fmt(e.weight) + " interaction" + (e.weight === 1 ? "" : "s")));
    if (e.relation) { dl.appendChild(el("dt", "relation")); dl.appendChild(el("dd", e.relation)); }
    panel.appendChild(dl);
    panel.appendChild(el("h3", e.evidence.length ? "Evidence" : "No evidence kept"));
    var ul = el("ul", null, "evidence");
    e.evidence.forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("span", data.unit + " " + ev.unit + ": ", "unit"));
      li.appendChild(el("q", ev.text));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    var more = e.units - e.evidence.length;
    if (more > 0) panel.appendChild(el("p", "+" + more + " more " + data.unit + (more === 1 ? "" : "s") + " without kept text", "hint"));
  }
  svg.addEventListener("click", function (ev) {
    if (moved) return;
    var g = ev.target.closest("g.node, g.node-name, g.edge, g.edge-label");
    if (!g) { clear(); panel.replaceChildren(el("p", "Click a character or a line.", "hint")); delete panel.dataset.selected; return; }
    if (nodeBySvg[g.id]) selectNode(nodeBySvg[g.id]);
    else if (edgeBySvg[g.id]) selectEdge(edgeBySvg[g.id]);
  });

  // Search.
  function runSearch() {
    var q = fold(search.value.trim());
    var hits = [];
    svg.querySelectorAll("g.node.hit, g.node-name.hit").forEach(function (e) { e.classList.remove("hit"); });
    if (!q) { map.classList.remove("searching"); document.getElementById("hits").textContent = ""; return hits; }
    data.nodes.forEach(function (n) {
      if (fold(n.name).indexOf(q) >= 0 || fold(n.id).indexOf(q) >= 0) {
        hits.push(n);
        nodeEls(n).forEach(function (g) { if (g) g.classList.add("hit"); });
      }
    });
    map.classList.add("searching");
    document.getElementById("hits").textContent = hits.length + " found";
    return hits;
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var h = runSearch(); if (h.length) selectNode(h[0]); }
    if (ev.key === "Escape") { search.value = ""; runSearch(); }
  });

  // Resizable split between the map and the side panel.
  var app = document.getElementById("app"), split = document.getElementById("split");
  function setSide(w) {
    w = Math.round(Math.min(Math.max(w, 260), window.innerWidth - 200));
    app.style.setProperty("--side", w + "px");
  }
  split.addEventListener("pointerdown", function (ev) { ev.preventDefault(); split.setPointerCapture(ev.pointerId); split.classList.add("dragging"); });
  split.addEventListener("pointermove", function (ev) { if (split.classList.contains("dragging")) setSide(window.innerWidth - ev.clientX - 3); });
  ["pointerup", "pointercancel"].forEach(function (t) { split.addEventListener(t, function () { split.classList.remove("dragging"); }); });
  split.addEventListener("keydown", function (ev) {
    var w = document.querySelector("aside").getBoundingClientRect().width;
    if (ev.key === "ArrowLeft") { setSide(w + 40); ev.preventDefault(); }
    if (ev.key === "ArrowRight") { setSide(w - 40); ev.preventDefault(); }
  });

  // Ranking table. Long measure names break at a soft hyphen.
  var hyphenated = { betweenness: "between\u00adness", closeness: "close\u00adness", eigenvector: "eigen\u00advector",
    pagerank: "page\u00adrank", harmonic: "har\u00admonic" };
  var head = document.querySelector("table.rank thead tr");
  ["rank", "name"].concat(data.measures).forEach(function (m, i) {
    var th = el("th", hyphenated[m] || m, m === "name" ? "name" : "");
    th.title = m;
    th.addEventListener("click", function () { sortBy(i); });
    head.appendChild(th);
  });
  data.nodes.forEach(function (n) {
    var tr = el("tr");
    tr.appendChild(el("td", n.rank || ""));
    var td = el("td", null, "name"); td.appendChild(el("span", "", "swatch")).style.background = n.colour; td.appendChild(el("span", n.name)); tr.appendChild(td);
    n.values.forEach(function (v) { tr.appendChild(el("td", fmt(v))); });
    tr.addEventListener("click", function () { selectNode(n); });
    n.row = tr;
  });
  var sortCol = -1, sortDir = 1;
  function sortBy(i) {
    sortDir = (i === sortCol) ? -sortDir : (i < 2 ? 1 : -1); sortCol = i;
    var rows = data.nodes.slice();
    rows.sort(function (a, b) {
      var x = i === 0 ? (a.rank || 1e9) : i === 1 ? fold(a.name) : a.values[i - 2];
      var y = i === 0 ? (b.rank || 1e9) : i === 1 ? fold(b.name) : b.values[i - 2];
      if (x === y) return (a.rank || 0) - (b.rank || 0);
      return (x < y ? -1 : 1) * sortDir;
    });
    tbody.replaceChildren.apply(tbody, rows.map(function (n) { return n.row; }));
  }
  sortBy(0);
  panel.replaceChildren(el("p", "Click a character or a line; search names above; drag to pan, wheel to zoom.", "hint"));
  document.body.dataset.ready = "true";
})();
