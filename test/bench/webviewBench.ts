// npm run bench:webview — the Raw JSON page with S, M and L answers in headless Chromium:
// time to first painted line, time until every line is indexed, the longest main-thread task
// (what a user would feel as a freeze), and frame times while scrolling. Prints figures only.
import * as http from 'node:http';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { renderRawJsonHtml } from '../../src/webview/rawJsonHtml';
import { launchBrowser } from '../editor/browser';
import { ensureEditorTools } from '../editor/install';
import { cleanupAll } from '../editor/processes';
import { generateBatches } from '../fake/data';

const SIZES = [
	{ name: 'S', batches: 1_000, leads: 10 },
	{ name: 'M', batches: 10_000, leads: 10 },
	{ name: 'L', batches: 50_000, leads: 20 },
];

// Runs in the page: loads the answer's bytes, posts them as the extension would, and times it.
// A string, because these sources have no DOM types (and bundling would rename globals).
const IN_PAGE = `async (name) => {
	const bytes = new Uint8Array(await (await fetch('/' + name)).arrayBuffer());
	let longest = 0;
	new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); }).observe({ type: 'longtask' });
	const frame = () => new Promise((r) => requestAnimationFrame(r));
	const t0 = performance.now();
	window.postMessage({ type: 'show', title: 'Last response', subtitle: name, json: bytes }, '*');
	let first = 0;
	while (document.body.dataset.state !== 'done') {
		if (!first && document.querySelector('.line .key')) first = performance.now() - t0;
		await frame();
	}
	if (!first) first = performance.now() - t0;
	const indexed = performance.now() - t0;
	const viewport = document.getElementById('viewport');
	const frames = [];
	let last = performance.now();
	for (let i = 0; i < 60; i++) {
		viewport.scrollTop += viewport.clientHeight * 3;
		await frame();
		const now = performance.now();
		frames.push(now - last);
		last = now;
	}
	frames.sort((a, b) => a - b);
	return { first, indexed, longest, lines: document.getElementById('status').textContent, frameMedian: frames[frames.length >> 1], frameMax: frames[frames.length - 1] };
}`;

async function main() {
	const { chromium } = await ensureEditorTools();
	const root = path.resolve('media');
	// The page as the panel renders it, minus the CSP (which would also block this bench's fetch).
	const html = renderRawJsonHtml({ cspSource: '', scriptUri: '/media/rawJson.js', styleUri: '/media/rawJson.css' })
		.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
		.replace('<script nonce', '<script>window.acquireVsCodeApi = () => ({ postMessage() {} });</script>\n<script nonce');
	const bodies = new Map<string, Buffer>();
	const server = http.createServer((req, res) => {
		const url = req.url ?? '/';
		if (url === '/') return res.end(html);
		if (url.startsWith('/media/')) return res.end(fs.readFileSync(path.join(root, path.basename(url))));
		const body = bodies.get(url.slice(1));
		if (body) return res.end(body);
		res.statusCode = 404;
		res.end();
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const browser = await launchBrowser(chromium);
	try {
		console.log('Raw JSON webview in headless Chromium (virtual scrolling, indexing in 12 ms slices)\n');
		console.log('payload | bytes | host JSON.stringify | first line painted | all lines indexed | lines | longest task | scroll frame median / max');
		console.log('--------|-------|---------------------|-------------------|-------------------|-------|--------------|--------------------------');
		for (const size of SIZES) {
			const batches = generateBatches({ count: size.batches, leadsPerBatch: size.leads, seed: 7, now: new Date() });
			const value = { lead_enrichments: batches };
			const t = performance.now();
			const json = Buffer.from(JSON.stringify(value));
			const stringifyMs = performance.now() - t;
			bodies.set(size.name, json);
			const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
			const page = await context.newPage();
			await page.goto(base);
			const r = await page.evaluate<{ first: number; indexed: number; longest: number; lines: string; frameMedian: number; frameMax: number }>(`(${IN_PAGE})(${JSON.stringify(size.name)})`);
			const f = (n: number) => `${n.toFixed(0)} ms`;
			console.log(
				`${size.name} | ${(json.length / 1048576).toFixed(1)} MB | ${f(stringifyMs)} | ${f(r.first)} | ${f(r.indexed)} | ${r.lines.split(' · ')[0]} | ${r.longest ? f(r.longest) : '< 50 ms'} | ${r.frameMedian.toFixed(1)} / ${r.frameMax.toFixed(1)} ms`,
			);
			await context.close();
			bodies.delete(size.name);
		}
	} finally {
		await browser.close();
		server.close();
		await cleanupAll();
	}
}

main().catch(async (e) => {
	console.error(e);
	await cleanupAll();
	process.exit(1);
});
