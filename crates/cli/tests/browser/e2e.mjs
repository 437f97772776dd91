// Types a quotation into the verbatim page in headless Chromium and checks
// what the page shows. Environment: URL, CHROMIUM, SHOT, QUOTE, and CASE:
// `seed` (the default: the seed page's Putin lead quote), `reuse` (the
// demo corpus after `verbatim reuse`: the timeline of a cluster) or
// `paraphrase` (a server with the sentence encoder: a verse in other words).
import { chromium } from 'playwright-core';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1100 } });
  await page.goto(process.env.URL);
  const cases = { seed, reuse, paraphrase };
  await (Object.hasOwn(cases, process.env.CASE || '') ? cases[process.env.CASE] : seed)(page);
} finally {
  await browser.close();
}

async function seed(page) {
  // keyboard only: the quotation, the speaker, Ctrl+Enter
  await page.focus('#quote');
  await page.keyboard.insertText(process.env.QUOTE);
  await page.focus('#speaker');
  await page.keyboard.type('Vladimir Putin');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('#verdict', { timeout: 15000 });
  await page.waitForSelector('.passage mark', { timeout: 15000 });
  const verdict = (await page.textContent('#verdict')).trim();
  const credit = (await page.textContent('#credit')).trim();
  const marked = await page.textContent('.passage mark');
  const hidden = await page.$$eval('.passage .hidden-text', (xs) => xs.map((x) => x.textContent).join(' '));
  // the chain of witnesses: the speech as the origin, the lead quote as a collection
  const roles = await page.$$eval('#chain li .badge', (xs) => xs.map((x) => x.textContent));
  await page.screenshot({ path: process.env.SHOT, fullPage: true });
  console.log(`verdict=${verdict} credit=${credit}`);
  console.log(`marked=${marked.slice(0, 80)}`);
  console.log(`hidden=${hidden.slice(0, 80)}`);
  console.log(`chain=${roles.join(',')}`);
  if (verdict !== 'elided' || credit !== 'attributed') process.exit(1);
  if (!marked.includes('We cannot stay idle')) process.exit(2);
  if (!hidden.includes('the situation for Russia has been becoming worse')) process.exit(3);
  if (roles[0] !== 'origin' || !roles.includes('collection')) process.exit(4);
  // a true quotation cut before "until …": the page says so, with the source's words
  await page.fill('#speaker', '');
  await page.fill('#quote', 'Properly speaking, the attempts to use us in their own interests never ceased');
  await page.focus('#quote');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('.flag', { timeout: 15000 });
  const flag = await page.$eval('.flag', (x) => [x.dataset.kind, x.textContent]);
  console.log(`flag=${flag[0]}: ${flag[1].slice(0, 100)}`);
  if (flag[0] !== 'cut_before_limit' || !flag[1].includes('until quite recently')) process.exit(5);
}

// The demo corpus after `verbatim reuse`: Cleveland's 1885 address quotes
// Jefferson's first inaugural (1801). The timeline under the match shows
// Jefferson as the origin and Cleveland, the matched source, after him; read
// from the page's text, not its colours. A second screenshot, at a phone's
// width, shows the axis running down.
async function reuse(page) {
  await ask(page, '#timeline li', 15000);
  const summary = (await page.textContent('#reuse-summary')).trim();
  const items = await page.$$eval('#timeline li', (xs) => xs.map((x) => ({
    date: x.querySelector('.tl-date').textContent,
    who: x.querySelector('.tl-who').textContent,
    roles: [...x.querySelectorAll('.tl-roles .badge')].map((b) => b.textContent),
    from: x.querySelector('.tl-from')?.textContent || '',
    text: x.innerText.replace(/\s+/g, ' '),
  })));
  await page.screenshot({ path: process.env.SHOT, fullPage: true });
  console.log(`summary=${summary}`);
  for (const it of items) console.log(`witness=${it.text}`);
  if (!/^cluster \d+ · \d+ sources$/.test(summary)) process.exit(11);
  const first = items[0];
  if (!first || first.date !== '1801-03-04' || first.who !== 'Thomas Jefferson' || !first.roles.includes('origin')) process.exit(12);
  const at = items.findIndex((it) => it.date === '1885-03-04' && it.who === 'Grover Cleveland');
  if (at < 1 || !items[at].roles.includes('this match') || !items[at].from.includes('Thomas Jefferson, 1801-03-04')) process.exit(13);
  // one origin, one matched source, and the dates never go back
  if (items.filter((it) => it.roles.includes('origin')).length !== 1) process.exit(14);
  if (items.filter((it) => it.roles.includes('this match')).length !== 1) process.exit(15);
  const dates = items.map((it) => it.date).filter((d) => d !== 'undated');
  if (dates.some((d, k) => k > 0 && d < dates[k - 1])) process.exit(16);
  // at a phone's width the witnesses stand one under the other
  await page.setViewportSize({ width: 380, height: 900 });
  const xs = await page.$$eval('#timeline li', (ls) => ls.map((l) => Math.round(l.getBoundingClientRect().left)));
  console.log(`narrow lefts=${xs.join(',')}`);
  if (new Set(xs).size !== 1) process.exit(17);
  await page.locator('#timeline').screenshot({ path: process.env.SHOT.replace(/\.png$/, '-narrow.png') });
}

// A verse of the World English Bible against the King James Version: the
// page says the source put it in other words, not that it is a quotation,
// marks the source's span, and lists the words the two share.
async function paraphrase(page) {
  await ask(page, '#verdict', 30000);
  const verdict = (await page.textContent('#verdict')).trim();
  console.log(`verdict=${verdict}`);
  if (verdict !== 'paraphrase') process.exit(21);
  await page.waitForSelector('#paraphrase', { timeout: 15000 });
  const note = (await page.textContent('#paraphrase')).trim();
  const marked = await page.textContent('.passage mark');
  const kept = await page.$$eval('#result p.meta', (xs) => xs.map((x) => x.textContent).find((t) => t.startsWith('Words in common')) || '');
  await page.screenshot({ path: process.env.SHOT, fullPage: true });
  console.log(`note=${note}`);
  console.log(`marked=${marked.slice(0, 80)}`);
  console.log(`kept=${kept}`);
  if (!/^Said in other words, not quoted: word pieces match in order 0\.\d\d, the nearest other places 0\.\d\d; meaning 0\.\d\d\.$/.test(note)) process.exit(22);
  if (!marked.includes('ark of gopher wood')) process.exit(23);
  if (!kept.includes('gopher') || !kept.includes('pitch')) process.exit(24);
}

// Types QUOTE into the quotation box, sends it with Ctrl+Enter, and waits
// for `selector` to appear in the answer.
async function ask(page, selector, timeout) {
  await page.focus('#quote');
  await page.keyboard.insertText(process.env.QUOTE);
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector(selector, { timeout });
}
