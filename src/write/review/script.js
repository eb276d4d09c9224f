// Review page behaviour. Listeners sit on the panes and the header only
// (event delegation), so the page stays quick with thousands of lines;
// positions are read in one pass and cached, never inside a write loop.
(() => {
  'use strict';
  const root = document.documentElement;
  const main = document.querySelector('main');
  const src = document.getElementById('src');
  const out = document.getElementById('out');
  const at = document.getElementById('at');
  const sync = document.getElementById('sync');

  // Every element of each block, in both panes, by block id.
  const parts = new Map();
  for (const el of main.querySelectorAll('[data-b]')) {
    const id = el.dataset.b;
    const list = parts.get(id);
    if (list) list.push(el); else parts.set(id, [el]);
  }
  const twin = (id, pane) => (parts.get(id) || []).find((el) => pane.contains(el));
  const mark = (id, cls, on) => { for (const el of parts.get(id) || []) el.classList.toggle(cls, on); };

  let hot = null;
  main.addEventListener('mouseover', (e) => {
    const el = e.target.closest('[data-b]');
    const id = el ? el.dataset.b : null;
    if (id === hot) return;
    if (hot) mark(hot, 'hl', false);
    hot = id;
    if (id) mark(id, 'hl', true);
  });
  main.addEventListener('mouseleave', () => { if (hot) mark(hot, 'hl', false); hot = null; });

  let pinned = null;
  const pin = (id) => {
    if (pinned) mark(pinned, 'pin', false);
    pinned = id;
    if (id) mark(id, 'pin', true);
  };

  // The pane the user drives; the other one follows. Right after the page
  // itself aligns the panes, scroll events are its own and are let be.
  let driver = src;
  let hold = 0;
  // Brings the block's part in the other pane level with `el`.
  const level = (el) => {
    const pane = el.closest('.pane');
    const other = pane === src ? out : src;
    const t = twin(el.dataset.b, other);
    if (!t) return;
    const d = t.getBoundingClientRect().top - el.getBoundingClientRect().top;
    driver = pane;
    hold = performance.now() + 150;
    other.scrollTop += d;
  };
  // Scrolls a source line (or marker) to a third of the pane, and the text with it.
  const show = (el) => {
    const pane = el.closest('.pane') || src;
    driver = pane;
    hold = performance.now() + 150;
    pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - pane.clientHeight / 3;
    const block = el.closest('[data-b]');
    if (block) { pin(block.dataset.b); level(block); }
  };

  main.addEventListener('click', (e) => {
    if (e.target.closest('a')) return;
    const el = e.target.closest('[data-b]');
    if (!el) { pin(null); return; }
    pin(el.dataset.b);
    level(el);
  });
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[href^="#L"]');
    if (!a) return;
    const el = document.getElementById(a.getAttribute('href').slice(1));
    if (!el) return;
    e.preventDefault();
    history.replaceState(null, '', a.getAttribute('href'));
    show(el);
  });

  // Issues: warnings (w), uncertain blocks (u), gold differences (g), in line order.
  const flags = Array.from(src.querySelectorAll('[data-f]'));
  const cats = new Set(['w', 'u', 'g']);
  let cur = -1;
  const wanted = (el) => Array.from(el.dataset.f).some((c) => cats.has(c));
  const count = () => flags.filter(wanted).length;
  const step = (dir) => {
    const n = flags.length;
    for (let i = 1; i <= n; i++) {
      const j = (((cur + dir * i) % n) + n) % n;
      if (!wanted(flags[j])) continue;
      if (cur >= 0) flags[cur].classList.remove('cur');
      cur = j;
      flags[j].classList.add('cur');
      show(flags[j]);
      const k = flags.slice(0, j + 1).filter(wanted).length;
      at.textContent = k + ' / ' + count();
      return;
    }
    at.textContent = 'none';
  };
  document.querySelector('header').addEventListener('click', (e) => {
    const go = e.target.closest('[data-go]');
    if (go) { step(Number(go.dataset.go)); return; }
    const chip = e.target.closest('.chip');
    if (!chip) return;
    const key = chip.dataset.key;
    const on = main.dataset.focus === key;
    for (const c of document.querySelectorAll('.chip.on')) c.classList.remove('on');
    if (on) delete main.dataset.focus;
    else { main.dataset.focus = key; chip.classList.add('on'); }
  });
  document.querySelector('.nav').addEventListener('change', (e) => {
    const c = e.target.dataset.cat;
    if (!c) return;
    if (e.target.checked) cats.add(c); else cats.delete(c);
    at.textContent = count() + ' issues';
  });
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const typing = t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName) || (t.tagName === 'INPUT' && t.type !== 'checkbox');
    if (e.ctrlKey || e.metaKey || e.altKey || typing) return;
    if (e.key === 'n') step(1);
    else if (e.key === 'p') step(-1);
    else if (e.key === 'Escape') { pin(null); delete main.dataset.focus; }
    else return;
    e.preventDefault();
  });

  // Scrolling together: positions of the source runs and of the text blocks,
  // measured once (again after a resize or a font load), then each scroll is
  // one read of scrollTop and one write to the other pane.
  let geo = null;
  const measure = () => {
    const tops = (pane, els) => {
      const base = pane.getBoundingClientRect().top - pane.scrollTop;
      return els.map((el) => { const r = el.getBoundingClientRect(); return { el, top: r.top - base, h: Math.max(r.height, 1) }; })
        .sort((a, b) => a.top - b.top);
    };
    geo = { src: tops(src, Array.from(src.querySelectorAll('.run'))), out: tops(out, Array.from(out.querySelectorAll('[data-b]'))) };
    const first = (list) => { const m = new Map(); for (const g of list) if (!m.has(g.el.dataset.b)) m.set(g.el.dataset.b, g); return m; };
    geo.byId = { src: first(geo.src), out: first(geo.out) };
  };
  const follow = (from) => {
    if (!geo) measure();
    const [fromPane, toPane, list, byId] = from === src ? [src, out, geo.src, geo.byId.out] : [out, src, geo.out, geo.byId.src];
    const y = fromPane.scrollTop;
    let lo = 0, hi = list.length - 1;
    if (hi < 0) return;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (list[mid].top <= y) lo = mid; else hi = mid - 1; }
    const g = list[lo];
    const t = byId.get(g.el.dataset.b);
    if (!t) return;
    const frac = Math.min(Math.max((y - g.top) / g.h, 0), 1);
    toPane.scrollTop = t.top + frac * t.h - Math.max(g.top - y, 0);
  };
  // Browsers fire scroll at most once a frame, so following right away costs no extra frames.
  for (const pane of [src, out]) {
    for (const ev of ['wheel', 'pointerdown', 'touchstart', 'keydown']) pane.addEventListener(ev, () => { driver = pane; }, { passive: true });
    pane.addEventListener('scroll', () => {
      if (pane === driver && sync.checked && performance.now() >= hold) follow(pane);
    }, { passive: true });
  }
  window.addEventListener('resize', () => { geo = null; });
  if (document.fonts) document.fonts.ready.then(() => { geo = null; });

  at.textContent = count() + ' issues';
  // A link to a line (#L484) opens there, once the fonts have set the line heights.
  const target = location.hash.startsWith('#L') ? document.getElementById(location.hash.slice(1)) : null;
  if (target) (document.fonts ? document.fonts.ready : Promise.resolve()).then(() => show(target));
  root.dataset.ready = 'yes';
})();
