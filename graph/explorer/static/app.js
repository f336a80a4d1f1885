/* dipkg explorer: search, ego network, filters, timeline, evidence, templates, exports.
   Everything that came from an article is put on the page as text (textContent, canvas labels):
   no innerHTML anywhere. */
(function () {
  "use strict";
  var MAX_ELEMENTS = 1000;            // visible elements; beyond this the page cuts and says so
  var $ = function (id) { return document.getElementById(id); };
  var legend = {}, cy, timeline, items = new vis.DataSet(), loaded = {}, cutNote = [];
  window.dipkg = {ready: false, busy: 0, errors: []};

  function el(tag, text, cls) { var e = document.createElement(tag); if (text != null) e.textContent = String(text);
    if (cls) e.className = cls; return e; }
  function status(msg) { $("status").textContent = msg; }
  function getJSON(url) {
    window.dipkg.busy++;
    return fetch(url, {headers: {"Accept": "application/json"}}).then(function (r) {
      return r.json().then(function (body) { if (!r.ok) throw new Error(body.error || r.statusText); return body; });
    }).finally(function () { window.dipkg.busy--; });
  }
  function fail(e) { status("⚠ " + e.message); }

  // ------------------------------------------------------------------ graph
  function nodeStyle(label) { return legend[label] || legend.Document || ["#7f7f7f", "box", "rectangle", "▭"]; }
  function initGraph() {
    cy = cytoscape({container: $("cy"), minZoom: 0.1, maxZoom: 4, style: [
      {selector: "node", style: {"background-color": "data(colour)", "shape": "data(shape)", "label": "data(caption)",
        "font-size": 10, "text-wrap": "ellipsis", "text-max-width": 180, "text-valign": "bottom", "text-margin-y": 3,
        "width": 18, "height": 18, "text-outline-color": "#fff", "text-outline-width": 2}},
      {selector: "node.centre", style: {"border-width": 3, "border-color": "#000", "width": 28, "height": 28, "font-weight": "bold"}},
      {selector: "node:selected", style: {"border-width": 3, "border-color": "#d62728"}},
      {selector: "edge", style: {"width": 1.3, "line-color": "data(colour)", "curve-style": "bezier", "label": "data(caption)",
        "font-size": 7, "color": "#666", "text-rotation": "autorotate", "target-arrow-shape": "none", "target-arrow-color": "data(colour)"}},
      {selector: "edge.directed", style: {"target-arrow-shape": "triangle", "arrow-scale": 0.7}},
      {selector: ".hidden", style: {"display": "none"}}]});
    cy.on("tap", "node", function (evt) { var id = evt.target.id(); expand(id); showEvidence("id=" + encodeURIComponent(id)); });
    cy.on("tap", "edge", function (evt) { var d = evt.target.data();
      showEvidence("source=" + encodeURIComponent(d.source) + "&target=" + encodeURIComponent(d.target) +
                   "&type=" + encodeURIComponent(d.type) + "&key=" + encodeURIComponent(d.key)); });
  }
  var EDGE_COLOURS = {MET: "#4e79a7", ATTENDED: "#17becf", HOLDS: "#bab0ac", DEALS_WITH: "#f28e2b", MADE_BY: "#8c564b",
                      MADE_TO: "#8c564b", INVOLVES: "#9edae5", HELD_IN: "#c7c7c7"};
  function nodeData(n) { var s = nodeStyle(n.label);
    return {id: n.id, label: n.label, name: n.name, caption: n.caption, date: n.date, kind: n.kind, place: n.place,
            tags: n.tags, colour: s[0], shape: s[2]}; }
  function addEgo(ego, centre) {
    var add = [], have = cy.elements().length, cut = 0;
    function push(el) { if (cy.getElementById(el.data.id).length) return;
      if (have + add.length >= MAX_ELEMENTS) { cut++; return; } add.push(el); }
    push({group: "nodes", data: nodeData(ego.centre)});
    ego.nodes.forEach(function (n) { push({group: "nodes", data: nodeData(n)}); });
    ego.edges.forEach(function (e) {
      if (!cy.getElementById(e.source).length && !add.some(function (a) { return a.data.id === e.source; })) { cut++; return; }
      if (!cy.getElementById(e.target).length && !add.some(function (a) { return a.data.id === e.target; })) { cut++; return; }
      push({group: "edges", classes: e.directed ? "directed" : "", data: {id: e.id, source: e.source, target: e.target,
        type: e.type, key: e.key, caption: e.caption, date: e.date, until: e.until, colour: EDGE_COLOURS[e.type] || "#999"}});
    });
    var at = cy.getElementById(ego.centre.id), origin = at.length ? at.position() : null;
    var added = cy.add(add);
    if (origin) added.nodes().forEach(function (n, i) {     // new nodes start around the node that was clicked
      var k = added.nodes().length, a = 2 * Math.PI * i / Math.max(1, k), r = 50 + 4 * Math.sqrt(k) * 6;
      n.position({x: origin.x + r * Math.cos(a), y: origin.y + r * Math.sin(a)}); });
    if (centre) { cy.nodes().removeClass("centre"); cy.getElementById(ego.centre.id).addClass("centre"); }
    loaded[ego.centre.id] = true;
    if (ego.total > ego.edges.length)
      cutNote.push(ego.centre.caption + ": " + ego.edges.length + " of " + ego.total +
                   " links shown (the best-documented and the latest)");
    if (cut) cutNote.push(cut + " elements not drawn: the view holds at most " + MAX_ELEMENTS +
                          " (narrow it with the filters or clear it)");
    $("cut").textContent = cutNote.slice(-3).join(" · ");
    var t = [performance.now()];
    refreshFilters(); t.push(performance.now()); syncTimeline(); t.push(performance.now());
    applyFilters(); t.push(performance.now()); layout(!centre && !!origin); t.push(performance.now());
    window.dipkg.timings = {elements: cy.elements().length, filters: t[1] - t[0], timeline: t[2] - t[1], apply: t[3] - t[2], layout: t[4] - t[3]};
  }
  function layout(incremental) {
    // an expansion refines the current drawing (new nodes start around the clicked one) instead of
    // starting over; big views get fcose's draft quality and fewer iterations (measured: 1.7 s → see bench)
    var visible = cy.elements().not(".hidden");
    if (!visible.length) return;
    var big = visible.length > 400;
    if (incremental && big) return;          // the ring around the clicked node stands; "Fit" or a new search redraws
    visible.layout({name: "fcose", animate: false, randomize: !incremental, quality: big && !incremental ? "draft" : "default",
                    numIter: big ? 600 : 2500, nodeRepulsion: 6000, idealEdgeLength: 90, fit: true, padding: 30}).run();
  }
  function open(id) {
    cy.elements().remove(); loaded = {}; cutNote = []; items.clear();
    return getJSON("/api/ego?id=" + encodeURIComponent(id)).then(function (ego) {
      addEgo(ego, true);
      history.replaceState(null, "", "/?focus=" + encodeURIComponent(ego.centre.name));
      status(ego.centre.caption + ": " + (cy.nodes().length - 1) + " neighbours");
      showEvidence("id=" + encodeURIComponent(id));
    }).catch(fail);
  }
  function expand(id) {
    if (loaded[id]) return Promise.resolve();
    return getJSON("/api/ego?id=" + encodeURIComponent(id)).then(function (ego) {
      addEgo(ego, false); status(cy.nodes().length + " nodes, " + cy.edges().length + " links");
    }).catch(fail);
  }

  // ------------------------------------------------------------------ search
  var timer = null, lastQ = "", active = -1;
  function suggest() {
    var q = $("search").value.trim(); if (q === lastQ) return; lastQ = q;
    var ul = $("suggestions"); if (!q) { ul.replaceChildren(); return; }
    getJSON("/api/search?q=" + encodeURIComponent(q)).then(function (rows) {
      if ($("search").value.trim() !== q) return;
      ul.replaceChildren(); active = -1;
      if (!rows.length) { ul.appendChild(el("li", "nothing named “" + q + "”", "detail")); return; }
      rows.forEach(function (r) { var li = el("li", r.name); li.setAttribute("role", "option"); li.dataset.id = r.id;
        li.appendChild(el("span", r.detail, "detail"));
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(r.id); }); ul.appendChild(li); });
    }).catch(fail);
  }
  function choose(id) { $("suggestions").replaceChildren(); lastQ = ""; return open(id); }
  function focusByName(name) {
    return getJSON("/api/search?q=" + encodeURIComponent(name)).then(function (rows) {
      if (!rows.length) { status("nothing named “" + name + "” in the graph"); return; }
      var exact = rows.filter(function (r) { return r.exact; });
      if (exact.length !== 1 && rows.length > 1) {
        status((exact.length ? exact.length : rows.length) + " match “" + name + "”: choose one");
        $("search").value = name; lastQ = ""; suggest();
      }
      return open((exact[0] || rows[0]).id);
    });
  }

  // ------------------------------------------------------------------ filters
  function checkboxes(box, values, name) {
    var have = {}; box.querySelectorAll("input").forEach(function (i) { have[i.value] = true; });
    values.forEach(function (v) { if (have[v]) return;
      var lab = el("label"), cb = el("input"); cb.type = "checkbox"; cb.checked = true; cb.value = v; cb.name = name;
      cb.addEventListener("change", applyFilters); lab.appendChild(cb);
      if (name === "label") { var s = el("span", nodeStyle(v)[3], "swatch"); s.style.color = nodeStyle(v)[0]; lab.appendChild(s); }
      lab.appendChild(document.createTextNode(" " + v)); box.appendChild(lab); });
  }
  function options(select, values) {
    var have = {}; Array.from(select.options).forEach(function (o) { have[o.value] = true; });
    values.sort().forEach(function (v) { if (!have[v]) { var o = el("option", v); o.value = v; select.appendChild(o); } });
  }
  function refreshFilters() {
    var labels = {}, types = {}, prov = {}, partner = {}, labelOf = {};
    cy.nodes().forEach(function (n) { labelOf[n.data("name")] = n.data("label"); });
    cy.nodes().forEach(function (n) { var d = n.data(); labels[d.label] = 1;
      (d.tags || []).forEach(function (t) { var lbl = labelOf[t];
        if (lbl === "Province") prov[t] = 1; else if (lbl && lbl !== "Person" && lbl !== "Organization") partner[t] = 1; }); });
    cy.edges().forEach(function (e) { types[e.data("type")] = 1; });
    checkboxes($("f-labels"), Object.keys(labels).sort(), "label");
    checkboxes($("f-types"), Object.keys(types).sort(), "type");
    options($("f-province"), Object.keys(prov)); options($("f-partner"), Object.keys(partner));
  }
  function checked(box) { var on = {}; box.querySelectorAll("input").forEach(function (i) { if (i.checked) on[i.value] = 1; }); return on; }
  function inRange(date, since, until) { if (!date) return true; return !((since && date < since) || (until && date > until)); }
  function applyFilters() {
    var labels = checked($("f-labels")), types = checked($("f-types")), prov = $("f-province").value,
        partner = $("f-partner").value, since = $("f-since").value, until = $("f-until").value;
    cy.batch(function () {
      cy.nodes().forEach(function (n) { var d = n.data(), tags = d.tags || [];
        var show = n.hasClass("centre") || (labels[d.label] && inRange(d.date, since, until) &&
          (!prov || d.name === prov || tags.indexOf(prov) >= 0 || d.label === "Person" && !tags.length) &&
          (!partner || d.name === partner || tags.indexOf(partner) >= 0 || d.label === "Person" && !tags.length));
        n.toggleClass("hidden", !show); });
      cy.edges().forEach(function (e) { var d = e.data();
        e.toggleClass("hidden", !types[d.type] || !inRange(d.date, since, until) ||
                     e.source().hasClass("hidden") || e.target().hasClass("hidden")); });
    });
    var shown = cy.elements().not(".hidden").length;
    window.dipkg.visible = shown;
    status(cy.nodes().not(".hidden").length + " nodes, " + cy.edges().not(".hidden").length + " links shown" +
           (shown < cy.elements().length ? " (" + (cy.elements().length - shown) + " filtered out)" : ""));
  }

  // ------------------------------------------------------------------ timeline
  function syncTimeline() {
    // one batched update: vis-timeline redraws on every DataSet change, and item by item that is
    // quadratic in the items (measured: tens of seconds for a few hundred)
    var want = {}, add = [];
    cy.nodes().forEach(function (n) { var d = n.data();
      if ((d.label === "Meeting" || d.label === "Commitment") && d.date) {
        want[d.id] = 1;
        if (!items.get(d.id)) add.push({id: d.id, content: d.caption, start: d.date, type: "point",
                                         className: d.label.toLowerCase()}); } });
    var gone = items.getIds().filter(function (id) { return !want[id]; });
    if (gone.length) items.remove(gone);
    if (add.length) items.add(add);
    timeline.setOptions({stack: items.length <= 150});
    if (items.length) timeline.fit({animation: false});
  }
  function initTimeline() {
    // vis-timeline's default templates put item content in as HTML: give it elements that hold text only
    timeline = new vis.Timeline($("timeline"), items, {height: "150px", stack: true, zoomable: true, moveable: true,
      template: function (item) { return el("span", item.content); }, tooltip: {followMouse: false},
      showTooltips: false});
    timeline.on("rangechanged", function (p) { if (!p.byUser) return;
      $("f-since").value = p.start.toISOString().slice(0, 10); $("f-until").value = p.end.toISOString().slice(0, 10);
      applyFilters(); });
    timeline.on("select", function (p) { if (p.items.length) { var n = cy.getElementById(p.items[0]); cy.$(":selected").unselect(); n.select();
      showEvidence("id=" + encodeURIComponent(p.items[0])); } });
  }

  // ------------------------------------------------------------------ evidence
  function safeLink(url) { return /^https?:\/\//i.test(url || "") ? url : null; }
  function showEvidence(query) {
    return getJSON("/api/evidence?" + query).then(function (p) {
      var box = $("evidence"); box.replaceChildren(el("h3", "Evidence"), el("div", p.title, "title"));
      if (!p.evidence.length && p.quote) box.appendChild(el("blockquote", p.quote));
      p.evidence.forEach(function (ev) {
        var d = el("div", null, "ev"), meta = el("div", null, "meta");
        meta.appendChild(el("b", ev.title || ev.doc));
        [ev.outlet, ev.published].forEach(function (x) { if (x) meta.appendChild(document.createTextNode(" · " + x)); });
        var href = safeLink(ev.url);
        if (href) { meta.appendChild(document.createTextNode(" · ")); var a = el("a", "source"); a.href = href;
          a.target = "_blank"; a.rel = "noopener noreferrer"; meta.appendChild(a); }
        else if (ev.source) meta.appendChild(document.createTextNode(" · " + ev.source));
        var t = el("div", null, "text");
        t.appendChild(document.createTextNode((ev.before ? "…" : "") + ev.before));
        var m = el("mark", ev.sentence); t.appendChild(m);
        t.appendChild(document.createTextNode(ev.after + (ev.after ? "…" : "")));
        d.appendChild(meta); d.appendChild(t); box.appendChild(d);
        setTimeout(function () { t.scrollTop = Math.max(0, m.offsetTop - t.offsetTop - 40); }, 0);
      });
      if (p.more) box.appendChild(el("div", p.more + " more references not shown", "hint"));
      window.dipkg.evidence = (window.dipkg.evidence || 0) + 1;
    }).catch(fail);
  }

  // ------------------------------------------------------------------ templates
  var templates = [];
  function templateForm() {
    var t = templates[$("q-template").selectedIndex], f = $("q-form"); if (!t) return;
    $("q-about").textContent = t.description; f.replaceChildren();
    t.params.forEach(function (p) { var lab = el("label", p.name + " (" + p.type + (p.default === null ? ", required" : "") + ")");
      var i = el("input"); i.name = p.name; i.placeholder = p.default && p.default !== "null" ? p.default : p.about;
      lab.appendChild(i); f.appendChild(lab); });
  }
  function queryUrl(fmt) {
    var t = templates[$("q-template").selectedIndex], qs = "template=" + encodeURIComponent(t.name) + "&format=" + fmt;
    $("q-form").querySelectorAll("input").forEach(function (i) { if (i.value) qs += "&p." + encodeURIComponent(i.name) + "=" + encodeURIComponent(i.value); });
    return "/api/query?" + qs;
  }
  function runTemplate() {
    $("q-csv").href = queryUrl("csv");
    return getJSON(queryUrl("json")).then(function (a) {
      var table = el("table", null, "answer"), head = el("tr");
      a.columns.forEach(function (c) { head.appendChild(el("th", c)); }); table.appendChild(head);
      a.rows.forEach(function (r) { var tr = el("tr");
        a.columns.forEach(function (c) { var v = r[c]; tr.appendChild(el("td", v == null ? "" : Array.isArray(v) ? v.join("; ") : typeof v === "object" ? JSON.stringify(v) : v)); });
        table.appendChild(tr); });
      $("q-result").replaceChildren(el("div", a.rows.length + " rows", "hint"), table);
    }).catch(function (e) { $("q-result").replaceChildren(el("div", "⚠ " + e.message)); });
  }

  // ------------------------------------------------------------------ exports
  function download(blob, name) { var a = document.createElement("a"); a.href = URL.createObjectURL(blob); a.download = name;
    document.body.appendChild(a); a.click(); setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000); }
  function xml(s) { return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
    return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}[c]; }); }
  function graphml() {
    var out = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '<key id="name" for="node" attr.name="name" attr.type="string"/>', '<key id="type" for="node" attr.name="type" attr.type="string"/>',
      '<key id="caption" for="node" attr.name="caption" attr.type="string"/>', '<key id="date" for="all" attr.name="date" attr.type="string"/>',
      '<key id="rel" for="edge" attr.name="type" attr.type="string"/>', '<graph id="dipkg" edgedefault="directed">'];
    cy.nodes().not(".hidden").forEach(function (n) { var d = n.data();
      out.push('<node id="' + xml(d.id) + '"><data key="name">' + xml(d.name) + '</data><data key="type">' + xml(d.label) +
               '</data><data key="caption">' + xml(d.caption) + '</data>' + (d.date ? '<data key="date">' + xml(d.date) + '</data>' : '') + '</node>'); });
    cy.edges().not(".hidden").forEach(function (e) { var d = e.data();
      out.push('<edge id="' + xml(d.id) + '" source="' + xml(d.source) + '" target="' + xml(d.target) + '"' +
               (e.hasClass("directed") ? '' : ' directed="false"') + '><data key="rel">' + xml(d.type) + '</data>' +
               (d.date ? '<data key="date">' + xml(d.date) + '</data>' : '') + '</edge>'); });
    out.push('</graph>', '</graphml>');
    return out.join("\n");
  }

  // ------------------------------------------------------------------ start
  function start() {
    initGraph(); initTimeline();
    $("search").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(suggest, 120); });
    $("search").addEventListener("keydown", function (e) {
      var lis = $("suggestions").querySelectorAll("li[data-id]");
      if (e.key === "ArrowDown" || e.key === "ArrowUp") { e.preventDefault(); if (!lis.length) return;
        active = (active + (e.key === "ArrowDown" ? 1 : lis.length - 1)) % lis.length;
        lis.forEach(function (li, i) { li.classList.toggle("active", i === active); }); }
      if (e.key === "Enter") { e.preventDefault(); if (lis.length) choose(lis[Math.max(active, 0)].dataset.id);
        else if ($("search").value.trim()) focusByName($("search").value.trim()); }
      if (e.key === "Escape") $("suggestions").replaceChildren(); });
    $("fit").addEventListener("click", function () { layout(false); });
    $("clear").addEventListener("click", function () { cy.elements().remove(); items.clear(); loaded = {}; cutNote = [];
      $("cut").textContent = ""; history.replaceState(null, "", "/"); status("cleared"); });
    $("png").addEventListener("click", function () { download(cy.png({full: true, output: "blob", bg: "#ffffff", scale: 2}), "dipkg-view.png"); });
    $("graphml").addEventListener("click", function () { download(new Blob([graphml()], {type: "application/xml"}), "dipkg-view.graphml"); });
    ["f-province", "f-partner", "f-since", "f-until"].forEach(function (id) { $(id).addEventListener("change", applyFilters); });
    $("f-reset").addEventListener("click", function () { $("f-since").value = ""; $("f-until").value = ""; applyFilters();
      if (items.length) timeline.fit({animation: false}); });
    $("q-template").addEventListener("change", templateForm);
    $("q-run").addEventListener("click", runTemplate);
    window.dipkg.graphml = graphml;
    window.dipkg.cy = cy;
    var legendReady = getJSON("/api/legend").then(function (l) { legend = l;
      var box = $("legend"); Object.keys(l).sort().forEach(function (k) { var row = el("div"), s = el("span", l[k][3], "swatch");
        s.style.color = l[k][0]; row.appendChild(s); row.appendChild(document.createTextNode(" " + k)); box.appendChild(row); });
      var note = el("div", "MET is mutual: drawn without an arrow", "hint"); box.appendChild(note); });
    var tmpl = getJSON("/api/templates").then(function (ts) { templates = ts;
      ts.forEach(function (t) { var o = el("option", t.name); o.value = t.name; $("q-template").appendChild(o); }); templateForm(); });
    var focus = new URLSearchParams(location.search).get("focus");
    Promise.all([legendReady, tmpl]).then(function () { return focus ? focusByName(focus) : null; })
      .catch(fail).finally(function () { window.dipkg.ready = true; });
  }
  start();
})();
