// Types a quotation into the verbatim page in headless Chromium and checks
// what the page shows. Environment: URL, CHROMIUM, SHOT, QUOTE.
import { chromium } from 'playwright-core';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1100 } });
  await page.goto(process.env.URL);
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
} finally {
  await browser.close();
}
