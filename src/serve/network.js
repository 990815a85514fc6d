// A picture of a result's network, drawn in the page (no library, no
// network access): the entities of a result — the graph's IRIs, or names
// that belong to one entity — are the nodes; two entities are linked when they stand in the
// same row of a SELECT result (each to the next, in column order) or in one
// triple of a CONSTRUCT result. Laid out by a few hundred steps of a
// force-directed layout (Fruchterman-Reingold, with a pull to the middle),
// started on a circle so the same result always gives the same picture.
// Nodes link to entity pages.
const NETWORK_MAX = 150;
const NETWORK_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#7f7f7f'];

// Only the graph's own entities (IRIs under the served base) are nodes: an
// article's source URL or file is a link, not an entity.
function entityOf(b) {
  if (!b) return null;
  if (b.type === 'uri') return b.value.startsWith(BASE) ? b.value : null;
  if (b.type === 'literal' && names.get(b.value)) return names.get(b.value);
  return null;
}

// nodes: Map iri -> { label, group }; edges: Map "a b" -> [a, b]; groups: names of the node colours
function networkOfRows(vars, bindings) {
  const net = { nodes: new Map(), edges: new Map(), groups: vars };
  bindings.forEach(row => {
    const ents = [];
    vars.forEach((v, i) => {
      const iri = entityOf(row[v]);
      if (!iri) return;
      if (!net.nodes.has(iri)) net.nodes.set(iri, { label: row[v].type === 'literal' ? row[v].value : null, group: i });
      if (ents.length === 0 || ents[ents.length - 1] !== iri) ents.push(iri);
    });
    for (let i = 1; i < ents.length; i++) net.edges.set(ents[i - 1] + ' ' + ents[i], [ents[i - 1], ents[i]]);
  });
  return net;
}

const NT_LINE = /^<([^>]*)> <([^>]*)> (?:<([^>]*)>|"((?:[^"\\]|\\.)*)"\S*) \.$/;
const LABEL = 'http://www.w3.org/2000/01/rdf-schema#label', TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
function networkOfTriples(ntriples) {
  const net = { nodes: new Map(), edges: new Map(), groups: ['entity'] }, labels = new Map();
  ntriples.split('\n').forEach(line => {
    const m = line.trim().match(NT_LINE);
    if (!m) return;
    const [, s, p, o, literal] = m;
    if (p === LABEL && literal !== undefined) {
      try { labels.set(s, JSON.parse('"' + literal + '"')); } catch (e) { labels.set(s, literal); }
    }
    if (o === undefined || p === TYPE || !s.startsWith(BASE) || !o.startsWith(BASE)) return;
    [s, o].forEach(iri => net.nodes.has(iri) || net.nodes.set(iri, { label: null, group: 0 }));
    net.edges.set(s + ' ' + o, [s, o]);
  });
  net.nodes.forEach((n, iri) => { n.label = n.label || labels.get(iri) || null; });
  return net;
}

function layout(net, width, height) {
  const ids = [...net.nodes.keys()], n = ids.length, k = Math.sqrt(width * height / Math.max(n, 1)) * 0.45;
  const pos = new Map(ids.map((id, i) => [id, {
    x: width / 2 + width / 6 * Math.cos(2 * Math.PI * i / n), y: height / 2 + height / 6 * Math.sin(2 * Math.PI * i / n) }]));
  for (let step = 0, t = width / 10; step < 300; step++, t *= 0.99) {
    const move = new Map(ids.map(id => [id, { x: 0, y: 0 }]));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = pos.get(ids[i]), b = pos.get(ids[j]), dx = a.x - b.x, dy = a.y - b.y, d = Math.hypot(dx, dy) || 0.01;
      const f = k * k / d, ma = move.get(ids[i]), mb = move.get(ids[j]);
      ma.x += dx / d * f; ma.y += dy / d * f; mb.x -= dx / d * f; mb.y -= dy / d * f;
    }
    net.edges.forEach(([s, o]) => {
      const a = pos.get(s), b = pos.get(o), dx = a.x - b.x, dy = a.y - b.y, d = Math.hypot(dx, dy) || 0.01, f = d * d / k;
      const ma = move.get(s), mb = move.get(o);
      ma.x -= dx / d * f; ma.y -= dy / d * f; mb.x += dx / d * f; mb.y += dy / d * f;
    });
    ids.forEach(id => {
      const m = move.get(id), p = pos.get(id);
      // gravity: unlinked parts stay near the middle instead of flying to the edges
      m.x += (width / 2 - p.x) * 0.4; m.y += (height / 2 - p.y) * 0.4;
      const d = Math.hypot(m.x, m.y) || 1;
      p.x += m.x / d * Math.min(d, t); p.y += m.y / d * Math.min(d, t);
    });
  }
  return fit(pos, width, height);
}

// Scales the layout into the picture, with room on the right for labels.
function fit(pos, width, height) {
  const ps = [...pos.values()], xs = ps.map(p => p.x), ys = ps.map(p => p.y);
  const x0 = Math.min(...xs), y0 = Math.min(...ys), w = Math.max(...xs) - x0 || 1, h = Math.max(...ys) - y0 || 1;
  ps.forEach(p => { p.x = 20 + (p.x - x0) / w * (width - 170); p.y = 20 + (p.y - y0) / h * (height - 40); });
  return pos;
}

function svgEl(name, attrs, parent) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', name);
  Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
  if (parent) parent.appendChild(el);
  return el;
}

function pageOf(iri) {
  return iri.startsWith(BASE) ? '/id/' + iri.slice(BASE.length) : iri;
}

// Draws the network into `out` when the result has one; says why not when it is too large.
function drawNetwork(net, out) {
  if (net.edges.size === 0) return;
  const box = document.createElement('div'); box.id = 'network-box';
  const h = document.createElement('h2'); h.textContent = 'The network of this result (' + net.nodes.size + ' entities, ' + net.edges.size + ' links)';
  box.appendChild(h); out.appendChild(box);
  if (net.nodes.size > NETWORK_MAX) {
    const p = document.createElement('p'); p.id = 'network-too-large';
    p.textContent = 'Too many entities to draw here (more than ' + NETWORK_MAX + '); councilgraph export --format svg draws large graphs.';
    box.appendChild(p); return;
  }
  const width = 960, height = Math.max(360, Math.min(720, 60 * Math.sqrt(net.nodes.size) + 200)), pos = layout(net, width, height);
  const svg = svgEl('svg', { id: 'network', width, height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'font-size': '11' }, box);
  net.edges.forEach(([s, o]) => {
    const a = pos.get(s), b = pos.get(o);
    svgEl('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: '#999' }, svg);
  });
  net.nodes.forEach((n, iri) => {
    const p = pos.get(iri), link = svgEl('a', { href: pageOf(iri) }, svg);
    svgEl('circle', { cx: p.x, cy: p.y, r: 6, fill: NETWORK_COLOURS[n.group % NETWORK_COLOURS.length] }, link);
    const text = svgEl('text', { x: p.x + 8, y: p.y + 4 }, link);
    text.textContent = n.label || (iri.startsWith(BASE) ? iri.slice(BASE.length) : iri);
  });
  const key = document.createElement('p'); key.id = 'network-key';
  net.groups.forEach((g, i) => {
    if (![...net.nodes.values()].some(n => n.group === i)) return;
    const dot = document.createElement('span'); dot.textContent = '● '; dot.style.color = NETWORK_COLOURS[i % NETWORK_COLOURS.length];
    key.append(dot, g + '  ');
  });
  box.appendChild(key);
}
