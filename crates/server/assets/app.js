// The verbatim page: a quotation (and optionally a speaker) in, the verdict
// and the source passage out; or a whole document, every quotation checked.
// Plain JavaScript, no framework, nothing fetched but this server's API.
'use strict';

const $ = (id) => document.getElementById(id);
const el = (tag, text, cls) => {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};
const badge = (kind, value) => el('span', value.replace('_', ' '), `badge ${kind}-${value}`);

async function post(path, body) {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const v = await r.json();
  if (!r.ok) throw new Error(v.error || `HTTP ${r.status}`);
  return v;
}

// Tabs, with arrow keys between them.
const tabs = [$('tab-quote'), $('tab-doc')];
function select(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', on);
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  tab.focus();
}
tabs.forEach((t, i) => {
  t.addEventListener('click', () => select(t));
  t.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') select(tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]);
  });
});

// Ctrl+Enter submits the form the cursor is in.
for (const form of [$('find-form'), $('check-form')]) {
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
  });
}

/// The passage around a match: matched words highlighted, words an ellipsis
/// hides in grey, changed words marked.
async function passage(m) {
  const src = await (await fetch(`/v1/sources/${m.source_id}?start=${m.start}&end=${m.end}&context=240`)).json();
  const text = src.text;
  const base = src.offset;
  const enc = new TextEncoder();
  const bytes = enc.encode(text);
  const dec = new TextDecoder();
  const slice = (a, b) => dec.decode(bytes.slice(Math.max(0, a - base), Math.max(0, b - base)));
  // marks inside the match, in byte offsets
  const spans = [];
  for (const o of m.omitted) spans.push([o.start, o.end, 'hidden-text', 'hidden by the ellipsis']);
  for (const e of m.edits) if (e.op === 'changed') spans.push([e.start, e.end, 'changed', `the quotation has “${e.quote}”`]);
  for (const e of m.edits) if (e.op === 'omitted') spans.push([e.start, e.end, 'hidden-text', 'left out without a mark']);
  spans.sort((a, b) => a[0] - b[0]);
  const p = el('div', null, 'passage');
  p.append(document.createTextNode((src.offset > 0 ? '…' : '') + slice(base, m.start)));
  const mark = el('mark');
  let at = m.start;
  for (const [a, b, cls, title] of spans) {
    if (a < at || b > m.end) continue;
    mark.append(document.createTextNode(slice(at, a)));
    const s = el('span', slice(a, b), cls);
    s.title = title;
    mark.append(s);
    at = b;
  }
  mark.append(document.createTextNode(slice(at, m.end)));
  p.append(mark);
  p.append(document.createTextNode(slice(m.end, base + bytes.length) + '…'));
  return p;
}

/// A context flag in words: how the quotation may say what its source
/// does not, and the source words that show it.
function flagLine(f) {
  const say = {
    cut_before_limit: 'Cut before a limit: the source goes on',
    cut_after_limit: 'Cut after a limit: the source first says',
    elision_hides_limit: 'The cut hides a limit:',
    negation_changed: 'Negation changed, meaning reversed: the source has',
    reported_speech: 'Reported speech: the source gives these words as another’s:',
  }[f.kind] || f.kind;
  const line = el('p', null, 'flag');
  line.append(el('strong', 'Out of context. '), `${say} “${f.words}” [${f.start}..${f.end}]`);
  line.dataset.kind = f.kind;
  return line;
}

function creditLine(a, speaker) {
  if (!a.credit) return null;
  const line = el('p');
  line.append(badge('c', a.credit), ' ');
  const who = speaker || 'the speaker';
  const say = {
    attributed: `The words are ${who}'s.`,
    misattributed: a.credit_to ? `Not ${who}'s words: they are ${a.credit_to}'s.` : `A source lists these words as wrongly credited to ${who}.`,
    quoted_by: `${who} quoted these words from ${a.credit_to}.`,
    unknown: `No source in the corpus says whose words these are.`,
  }[a.credit];
  line.append(el('span', say));
  line.id = 'credit-line';
  return line;
}

/// A date as it sorts, as `verbatim reuse` orders a cluster: `YYYY`,
/// `YYYY-MM`, `YYYY-MM-DD` (a bare year before its days), else the first
/// four-digit year; no date after every date.
function dateKey(d) {
  const s = (d || '').trim();
  let g = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s);
  if (!g) { const y = /\d{4}/.exec(s); g = y ? [s, y[0]] : null; }
  if (!g) return [1, 0, 0, 0];
  return [0, +g[1], +(g[2] || 0), +(g[3] || 0)];
}
const cmpKey = (a, b) => { for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i] - b[i]; return 0; };

/// The time between two date keys in words, to the precision both give;
/// nothing when either is undated.
function elapsed(a, b) {
  if (a[0] || b[0]) return '';
  const count = (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (a[3] && b[3]) {
    const days = Math.round((Date.UTC(b[1], b[2] - 1, b[3]) - Date.UTC(a[1], a[2] - 1, a[3])) / 864e5);
    if (days === 0) return 'same day';
    if (days < 31) return count(days, 'day');
    if (days < 365) return count(Math.floor(days / 30.44), 'month');
    return count(Math.floor(days / 365.25), 'year');
  }
  if (a[2] && b[2]) {
    const months = (b[1] - a[1]) * 12 + b[2] - a[2];
    if (months === 0) return 'same month';
    if (months < 12) return count(months, 'month');
    return count(Math.floor(months / 12), 'year');
  }
  return b[1] === a[1] ? 'same year' : count(b[1] - a[1], 'year');
}

/// Where the matched words stand in the corpus's reuse (`verbatim reuse`):
/// the witnesses from the cluster's origin to the matched source, each taken
/// from the one before, on a dated axis. Every relation is said in words as
/// well as drawn, so the dots and arrows are only decoration.
function timeline(m) {
  const r = m.reuse;
  const box = el('section', null, 'reuse');
  box.setAttribute('aria-labelledby', 'reuse-heading');
  const h = el('h3', 'Reuse in the corpus');
  h.id = 'reuse-heading';
  box.append(h);
  const n = r.size;
  const sum = el('span', `cluster ${r.cluster} · ${n} source${n === 1 ? '' : 's'}`);
  sum.id = 'reuse-summary';
  const line = el('p', null, 'meta');
  line.append(sum);
  // the chain is the path to this source, not every source of the cluster
  if (r.chain.length === 1) line.append(' — this source is the origin');
  else if (n > r.chain.length) line.append(` — shown: the ${r.chain.length} from the origin to this source`);
  box.append(line);
  if (r.boilerplate) {
    box.append(el('p', `Boilerplate: a formula that stands in ${n} sources, reported once. The order shows who used it first, not who copied whom.`, 'reuse-note'));
  }
  const steps = r.chain.map((s, i) => ({ ...s, i, key: dateKey(s.date) }));
  // in date order (undated last); steps of one date keep the chain's order
  const shown = [...steps].sort((x, y) => cmpKey(x.key, y.key) || x.i - y.i);
  const who = (s) => `${s.speaker || s.source.split('/').pop()}${s.date ? ', ' + s.date : ''}`;
  const ol = el('ol', null, 'timeline');
  ol.id = 'timeline';
  ol.setAttribute('aria-label', 'Witnesses of the passage, earliest first');
  // it scrolls sideways when the witnesses are many: reachable by keyboard
  ol.tabIndex = 0;
  shown.forEach((s, k) => {
    const li = el('li', null, 'tl-item');
    const here = s.source === m.source && s.start < m.end && m.start < s.end;
    if (s.verdict === 'origin') li.classList.add('tl-origin');
    if (here) li.classList.add('tl-match');
    if (s.key[0]) li.classList.add('tl-undated');
    // the axis: a line through the dots, an arrowhead where a witness took
    // the words from its neighbour (either way: a quoting source dated before
    // the origin takes from the origin, to its right)
    const axis = el('span', null, 'tl-axis');
    axis.setAttribute('aria-hidden', 'true');
    const prev = shown[k - 1];
    const next = shown[k + 1];
    if (prev) {
      const seg = el('span', null, 'tl-in');
      if (s.i === prev.i + 1) seg.classList.add('tl-arrow');
      if (s.key[0]) seg.classList.add('tl-dashed');
      axis.append(seg);
    }
    if (next) {
      const seg = el('span', null, 'tl-out');
      if (s.i === next.i + 1) seg.classList.add('tl-arrow');
      if (next.key[0]) seg.classList.add('tl-dashed');
      axis.append(seg);
    }
    axis.append(el('span', null, 'tl-dot'));
    li.append(axis);
    if (prev) {
      const gap = elapsed(prev.key, s.key);
      if (gap) { const g = el('span', gap, 'tl-gap'); g.setAttribute('aria-hidden', 'true'); li.append(g); }
    }
    // the words, in a card the matched source's is highlighted in
    const card = el('div', null, 'tl-card');
    const date = el('time', s.date || 'undated', 'tl-date');
    if (/^\d{4}(-\d{2}){0,2}$/.test(s.date || '')) date.dateTime = s.date;
    card.append(date);
    const roles = el('span', null, 'tl-roles');
    if (s.verdict === 'origin') roles.append(badge('r', 'origin'));
    if (s.quoted) roles.append(el('span', 'quoted', 'badge tl-quoted'));
    if (here) roles.append(el('span', 'this match', 'badge tl-here'));
    if (roles.childNodes.length) card.append(roles);
    card.append(el('strong', s.speaker || 'no speaker', 'tl-who'));
    if (s.title) card.append(el('span', s.title, 'tl-title'));
    card.append(el('span', `${s.source} [${s.start}..${s.end}]`, 'tl-source'));
    if (s.i > 0) card.append(el('span', `took it from ${who(steps[s.i - 1])} (${s.verdict})`, 'tl-from'));
    li.append(card);
    ol.append(li);
  });
  box.append(ol);
  return box;
}

$('find-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const out = $('result');
  out.replaceChildren(el('p', 'Searching…', 'meta'));
  const quote = $('quote').value;
  const speaker = $('speaker').value.trim();
  try {
    const a = await post('/v1/find', speaker ? { quote, speaker } : { quote });
    const card = el('div', null, 'card');
    const head = el('p');
    const v = badge('v', a.verdict);
    v.id = 'verdict';
    head.append(v);
    if (a.credit) { const c = badge('c', a.credit); c.id = 'credit'; head.append(' ', c); }
    card.append(head);
    const m = a.matches[0];
    if (!m) {
      card.append(el('p', 'No source in the corpus holds these words.'));
    } else {
      card.append(el('h2', (m.title || m.source) + (m.speaker ? ` — ${m.speaker}` : '') + (m.date ? `, ${m.date}` : '')));
      card.append(el('p', `${m.source} [${m.start}..${m.end}]`, 'meta'));
      card.append(await passage(m));
      if (m.similarity) {
        // a paraphrase: the source said this in other words; how near, and the words it keeps
        const s = m.similarity;
        const f = (x) => (typeof x === 'number' ? x.toFixed(2) : '–');
        const note = el('p', `Said in other words, not quoted: word pieces match in order ${f(s.order)}, `
          + `the nearest other places ${f(s.others)}; meaning ${f(s.meaning)}.`, 'paraphrase');
        note.id = 'paraphrase';
        card.append(note);
        if (m.shared && m.shared.length) card.append(el('p', `Words in common: ${m.shared.join(', ')}`, 'meta'));
      }
      for (const ed of m.edits) {
        if (ed.op === 'changed') card.append(el('p', `Changed: “${ed.quote}” — the source has “${ed.source}”.`));
        if (ed.op === 'added') card.append(el('p', `Added: “${ed.quote}” is not in the source.`));
        if (ed.op === 'omitted') card.append(el('p', `Left out without a mark: “${ed.source}”.`));
      }
      for (const o of m.omitted) card.append(el('p', `The ellipsis hides: “${o.text}”`, 'meta'));
      for (const f of m.context || []) card.append(flagLine(f));
      if (m.owner_via) card.append(el('p', `Credit to ${m.owner} inferred from another witness: ${m.owner_via}`, 'meta'));
      if (m.reuse) card.append(timeline(m));
    }
    const cl = creditLine(a, speaker);
    if (cl) card.append(cl);
    if (a.chain && a.chain.ambiguous) card.append(el('p', `“${speaker}” fits more than one person here: ${a.chain.ambiguous.join(', ')}.`, 'meta'));
    if (a.chain && (a.chain.witnesses.length > 1 || a.chain.witnesses.some((w) => w.role !== 'origin'))) {
      // who said it first, and who took it from whom: the witnesses in date order
      card.append(el('h3', a.chain.origin ? `Chain of witnesses — origin: ${a.chain.origin} (${a.chain.origin_from})` : 'Chain of witnesses'));
      const ol = el('ol', null, 'chain');
      ol.id = 'chain';
      for (const w of a.chain.witnesses) {
        const li = el('li', null, `role-${w.role}`);
        li.append(badge('r', w.role), ' ', el('strong', w.date || 'undated'), ` — ${w.speaker || 'no speaker'}`);
        if (w.inner) li.append(`, quoting ${w.inner}`);
        li.append(el('span', ` ${w.source} [${w.start}..${w.end}]`, 'meta'));
        if (w.evidence) li.append(el('span', ` — “${w.evidence}”`, 'meta'));
        ol.append(li);
      }
      card.append(ol);
    }
    if (a.matches.length > 1) {
      card.append(el('h3', 'Other witnesses'));
      const ul = el('ul', null, 'witnesses');
      for (const w of a.matches.slice(1)) {
        ul.append(el('li', `${w.verdict.replace('_', ' ')} — ${w.title || w.source}${w.date ? ', ' + w.date : ''}${w.owner ? ' (' + w.owner + ')' : ''}`));
      }
      card.append(ul);
    }
    out.replaceChildren(card);
  } catch (err) {
    out.replaceChildren(el('p', err.message, 'error'));
  }
});

$('check-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const out = $('doc-result');
  out.replaceChildren(el('p', 'Checking…', 'meta'));
  try {
    const r = await post('/v1/check', { text: $('doc').value });
    const head = el('p', `${r.quotations.length} quotations, ${r.flagged} flagged`);
    head.id = 'doc-summary';
    const list = el('ol');
    for (const q of r.quotations) {
      const li = el('li', null, 'card');
      li.append(el('p', `“${q.text}”`, 'passage'));
      li.append(el('p', `line ${q.line} — ${q.speaker ? 'credited to ' + q.speaker : 'no speaker given'}`, 'meta'));
      const a = q.answer;
      if (!a) { li.append(el('p', 'Too short to check.', 'meta')); list.append(li); continue; }
      const line = el('p');
      line.append(badge('v', a.verdict));
      if (a.credit) line.append(' ', badge('c', a.credit));
      const m = a.matches[0];
      if (m) line.append(' ', el('span', `${m.title || m.source}${m.date ? ', ' + m.date : ''}${a.credit_to ? ' — the words are ' + a.credit_to + "'s" : ''}`, 'meta'));
      li.append(line);
      if (m) for (const ed of m.edits) if (ed.op === 'changed') li.append(el('p', `Changed: “${ed.quote}” — the source has “${ed.source}”.`));
      if (m) for (const f of m.context || []) li.append(flagLine(f));
      list.append(li);
    }
    out.replaceChildren(head, list);
  } catch (err) {
    out.replaceChildren(el('p', err.message, 'error'));
  }
});
