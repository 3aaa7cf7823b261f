/**
 * The campaign report a reviewer signs off on, in a real browser: the bundled CLI writes the HTML
 * report of the example campaign folder (examples/launch), Debian's Chromium (playwright-core)
 * opens it, and the test checks what a reviewer sees — the facts table with the odd date, each
 * variant's copy side by side with the finding marked at its place, the review status, the image
 * without alt text — in a light and a dark colour scheme. Screenshots: test-results/e2e/report-*.png.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CLI_BUNDLE, ROOT } from '../helpers/paths';
import { tempDir } from '../helpers/tmp';
import { CHROMIUM, requireTool } from './tools';

const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');

describe('campaign report in a real browser (Chromium)', function () {
	this.timeout(120_000);
	let browser: Browser;
	let page: Page;
	let file: string;
	const errors: string[] = [];

	before(async () => {
		requireTool(CHROMIUM, 'chromium');
		fs.mkdirSync(ARTIFACTS, { recursive: true });
		file = path.join(tempDir('report-e2e-'), 'report.html');
		const r = spawnSync(process.execPath, [CLI_BUNDLE, 'report', 'launch', '--format', 'html', '-o', file, '--title', 'Launch sign-off'], {
			cwd: path.join(ROOT, 'examples'), encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' },
		});
		assert.equal(r.status, 0, r.stderr);
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
		});
		page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('request', (req) => !req.url().startsWith('file:') && errors.push(`request to ${req.url()}`));
		await page.goto(pathToFileURL(file).toString());
	});

	after(async () => {
		await browser?.close();
	});

	it('shows the facts table with the odd date marked', async () => {
		const table = page.locator('table', { has: page.locator('th', { hasText: 'Fact' }) });
		await table.waitFor({ state: 'visible' });
		const row = table.locator('tr', { has: page.locator('td', { hasText: /^Date$/ }) });
		assert.deepEqual((await row.locator('td').allInnerTexts()).map((t) => t.trim()), ['Date', '3 月 15 日', '3 月 15 日', '⚠ March 16 at 8 pm']);
		assert.equal(await row.locator('td.odd').count(), 1);
		const color = await row.locator('td.odd').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color);
		const plain = await row.locator('td').nth(1).evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color);
		assert.notEqual(color, plain, 'the odd value stands out');
	});

	it('shows the variants side by side, each with its copy, status and findings at their place', async () => {
		const cards = page.locator('.variants > section.post');
		assert.equal(await cards.count(), 3);
		const boxes = await Promise.all([0, 1, 2].map((i) => cards.nth(i).boundingBox()));
		assert.ok(boxes.every((b) => b && Math.abs(b.y - boxes[0]!.y) < 2), `cards in one row: ${JSON.stringify(boxes)}`);
		const x = cards.filter({ hasText: 'launch/x.md' });
		assert.match(await x.locator('.badge').innerText(), /In review/);
		const copy = await x.locator('.copy').innerText();
		assert.match(copy, /Our new smartwatch launches \[1\]March 16 at 8 pm/);
		assert.match(await x.locator('.images').innerText(), /watch\.png .*No alt text/);
		assert.match(await x.locator('li', { hasText: 'Date differs' }).innerText(), /^\[1\]/);
		const weibo = cards.filter({ hasText: 'launch/weibo.md' });
		assert.match(await weibo.locator('.badge').innerText(), /Approved by 王编辑/);
		// The Weibo post shows its link as Weibo does, and no title (it has none).
		assert.match(await weibo.locator('.copy').innerText(), /网页链接/);
		assert.doesNotMatch(await weibo.locator('.copy').innerText(), /title/);
		await page.screenshot({ path: path.join(ARTIFACTS, 'report-light.png'), fullPage: true });
	});

	it('follows a dark colour scheme, loads nothing from elsewhere and logs no error', async () => {
		await page.emulateMedia({ colorScheme: 'dark' });
		const bg = await page.locator('body').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
		assert.equal(bg, 'rgb(13, 17, 23)');
		await page.screenshot({ path: path.join(ARTIFACTS, 'report-dark.png'), fullPage: true });
		assert.deepEqual(errors, []);
		assert.ok(fs.statSync(path.join(ARTIFACTS, 'report-light.png')).size > 10_000);
	});
});
