// @ts-check
// Raw JSON viewer: indexes the compact JSON into pretty-printed lines in small time slices
// (so even 100 MB never freezes the page), then renders only the lines in view. Every value
// is placed with textContent, so nothing in the data can become markup or script.
(function () {
	'use strict';
	// eslint-disable-next-line no-undef
	const vscode = acquireVsCodeApi();
	const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
	// The extension's words in the display language (l10n.t in rawJsonHtml.ts); {0}, {1} are filled here.
	const strings = JSON.parse(document.body.dataset.strings || '{}');
	const say = (/** @type {string} */ key, /** @type {unknown[]} */ ...args) => String(strings[key] ?? key).replace(/\{(\d+)\}/g, (m, i) => (i < args.length ? String(args[i]) : m));
	const viewport = $('viewport');
	const spacer = $('spacer');
	const linesEl = $('lines');
	const statusEl = $('status');
	const findInput = /** @type {HTMLInputElement} */ ($('find'));
	const findStatus = $('find-status');

	const MAX_SCROLL_HEIGHT = 8_000_000; // browsers cap element heights; beyond this, scroll is scaled
	const OVERSCAN = 20;
	const SLICE_MS = 12;

	let src = '';
	let starts = new Int32Array(4096);
	let indents = new Uint16Array(4096);
	let count = 0;
	let scanPos = 0;
	let scanDepth = 0;
	let generation = 0;
	let lineHeight = 18;
	let highlightLine = -1;
	let lastFind = { query: '', offset: -1 };

	window.addEventListener('message', (event) => {
		const m = event.data;
		if (m && m.type === 'show') load(m);
		else if (m && m.type === 'clear') clear(m);
	});
	viewport.addEventListener('scroll', () => requestAnimationFrame(render));
	window.addEventListener('resize', () => requestAnimationFrame(render));
	$('copy').addEventListener('click', () => vscode.postMessage({ type: 'copy' }));
	findInput.addEventListener('keydown', (e) => {
		if (e.key === 'Enter') find(findInput.value, e.shiftKey);
	});

	/** Shows nothing but why: after the account changed, none of its data may stay on screen. */
	function clear(/** @type {{ title: string, subtitle: string }} */ m) {
		generation++;
		$('title').textContent = m.title;
		$('subtitle').textContent = m.subtitle;
		src = '';
		count = 0;
		spacer.style.height = '0px';
		linesEl.replaceChildren();
		statusEl.textContent = '';
		/** @type {HTMLButtonElement} */ ($('copy')).disabled = true;
		document.body.dataset.state = 'cleared';
	}

	/** @param {{ title: string, subtitle: string, json: Uint8Array | string }} m */
	function load(m) {
		generation++;
		/** @type {HTMLButtonElement} */ ($('copy')).disabled = false;
		$('title').textContent = m.title;
		$('subtitle').textContent = m.subtitle;
		src = typeof m.json === 'string' ? m.json : new TextDecoder().decode(m.json);
		count = 0;
		scanPos = 0;
		scanDepth = 0;
		highlightLine = -1;
		lastFind = { query: '', offset: -1 };
		viewport.scrollTop = 0;
		measureLineHeight();
		indexSlice(generation, performance.now());
	}

	function measureLineHeight() {
		const probe = document.createElement('div');
		probe.className = 'line';
		probe.textContent = 'M';
		linesEl.replaceChildren(probe);
		lineHeight = probe.getBoundingClientRect().height || 18;
	}

	/** Indexes lines for a few ms, paints, and yields until the whole text is indexed. */
	function indexSlice(gen, started) {
		if (gen !== generation) return;
		const deadline = performance.now() + SLICE_MS;
		const n = src.length;
		while (scanPos < n) {
			for (let k = 0; k < 1000 && scanPos < n; k++) {
				const r = scanLine(scanPos, scanDepth);
				push(scanPos, r.indent);
				scanPos = r.end;
				scanDepth = r.depth;
			}
			if (performance.now() > deadline) break;
		}
		const done = scanPos >= n;
		spacer.style.height = `${Math.min(count * lineHeight, MAX_SCROLL_HEIGHT)}px`;
		render();
		statusEl.textContent = done ? say('lines', count.toLocaleString(), formatBytes(n)) : say('formatting', Math.floor((scanPos / n) * 100), count.toLocaleString());
		document.body.dataset.state = done ? 'done' : 'indexing';
		if (!done) setTimeout(() => indexSlice(gen, started), 0);
	}

	function push(pos, indent) {
		if (count === starts.length) {
			const s = new Int32Array(starts.length * 2);
			s.set(starts);
			starts = s;
			const d = new Uint16Array(indents.length * 2);
			d.set(indents);
			indents = d;
		}
		starts[count] = pos;
		indents[count] = Math.min(indent, 65535);
		count++;
	}

	/**
	 * One pretty-printed line starting at `pos` in compact JSON at nesting `depth`:
	 * a closer, or an optional key followed by a scalar, an empty container or an opener.
	 */
	function scanLine(pos, depth) {
		let c = src.charCodeAt(pos);
		if (c === 125 || c === 93) {
			// } or ]
			let end = pos + 1;
			if (src.charCodeAt(end) === 44) end++;
			return { end, depth: depth - 1, indent: depth - 1 };
		}
		let p = pos;
		if (c === 34) {
			const close = stringEnd(p);
			if (src.charCodeAt(close) === 58) p = close + 1; // a key and its colon
		}
		c = src.charCodeAt(p);
		let nextDepth = depth;
		if (c === 123 || c === 91) {
			const closer = c === 123 ? 125 : 93;
			if (src.charCodeAt(p + 1) === closer) p += 2;
			else {
				p += 1;
				nextDepth = depth + 1;
				return { end: p, depth: nextDepth, indent: depth };
			}
		} else if (c === 34) p = stringEnd(p);
		else {
			while (p < src.length) {
				const d = src.charCodeAt(p);
				if (d === 44 || d === 125 || d === 93) break;
				p++;
			}
		}
		if (src.charCodeAt(p) === 44) p++;
		return { end: p, depth: nextDepth, indent: depth };
	}

	/** Index just past the JSON string starting with the quote at `pos` in `text`. */
	function stringEnd(pos, text = src) {
		let q = pos;
		for (;;) {
			q = text.indexOf('"', q + 1);
			if (q < 0) return text.length;
			let backslashes = 0;
			for (let b = q - 1; text.charCodeAt(b) === 92; b--) backslashes++;
			if (backslashes % 2 === 0) return q + 1;
		}
	}

	function lineText(i) {
		const end = i + 1 < count ? starts[i + 1] : scanLine(starts[i], 0).end;
		return src.slice(starts[i], end);
	}

	function firstVisibleLine() {
		const maxTop = Math.max(1, spacer.offsetHeight - viewport.clientHeight);
		const visible = Math.ceil(viewport.clientHeight / lineHeight);
		if (count * lineHeight <= MAX_SCROLL_HEIGHT) return Math.floor(viewport.scrollTop / lineHeight);
		return Math.floor((viewport.scrollTop / maxTop) * Math.max(0, count - visible));
	}

	function render() {
		const visible = Math.ceil(viewport.clientHeight / lineHeight) + 1;
		const first = Math.max(0, firstVisibleLine() - OVERSCAN);
		const last = Math.min(count, first + visible + OVERSCAN * 2);
		const frag = document.createDocumentFragment();
		for (let i = first; i < last; i++) frag.appendChild(renderLine(i));
		linesEl.replaceChildren(frag);
		// Place the rendered block where the scrolled-to lines are (scaled scrolling aligns to a line).
		const scaled = count * lineHeight > MAX_SCROLL_HEIGHT;
		const offset = scaled ? viewport.scrollTop - (firstVisibleLine() - first) * lineHeight : first * lineHeight;
		linesEl.style.transform = `translateY(${Math.max(0, offset)}px)`;
	}

	function renderLine(i) {
		const row = document.createElement('div');
		row.className = i === highlightLine ? 'line found' : 'line';
		row.dataset.line = String(i + 1);
		row.appendChild(document.createTextNode('  '.repeat(indents[i])));
		const text = lineText(i);
		let p = 0;
		if (text.charCodeAt(0) === 34) {
			const end = stringEnd(0, text);
			if (text.charCodeAt(end) === 58) {
				row.appendChild(span('key', text.slice(0, end)));
				row.appendChild(span('punct', ': '));
				p = end + 1;
			}
		}
		const rest = text.slice(p);
		const comma = rest.endsWith(',') ? ',' : '';
		const value = comma ? rest.slice(0, -1) : rest;
		row.appendChild(span(classify(value), value));
		if (comma) row.appendChild(span('punct', comma));
		return row;
	}

	function classify(value) {
		const c = value.charCodeAt(0);
		if (c === 34) return 'string';
		if (value === 'true' || value === 'false') return 'boolean';
		if (value === 'null') return 'null';
		if (c === 45 || (c >= 48 && c <= 57)) return 'number';
		return 'punct';
	}

	// Bidi overrides pass through JSON unescaped and would reorder the line; show them as \uXXXX
	// (still valid JSON, so copied text parses to the same value).
	const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

	function span(cls, text) {
		const s = document.createElement('span');
		s.className = cls;
		s.textContent = text.replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
		return s;
	}

	/** Finds the next (or previous) occurrence in the JSON text and scrolls its line into view. */
	function find(query, backwards) {
		if (!query) return;
		const from = lastFind.query === query ? lastFind.offset + (backwards ? -1 : 1) : 0;
		let at = backwards ? src.lastIndexOf(query, Math.max(0, from)) : src.indexOf(query, Math.max(0, from));
		if (at < 0) at = backwards ? src.lastIndexOf(query) : src.indexOf(query);
		if (at < 0 || count === 0) {
			findStatus.textContent = say('noResults');
			return;
		}
		lastFind = { query, offset: at };
		highlightLine = lineAt(at);
		findStatus.textContent = say('line', (highlightLine + 1).toLocaleString());
		scrollToLine(highlightLine);
	}

	function lineAt(offset) {
		let lo = 0;
		let hi = count - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}

	function scrollToLine(i) {
		const visible = Math.ceil(viewport.clientHeight / lineHeight);
		const target = Math.max(0, i - Math.floor(visible / 2));
		if (count * lineHeight <= MAX_SCROLL_HEIGHT) viewport.scrollTop = target * lineHeight;
		else viewport.scrollTop = (target / Math.max(1, count - visible)) * Math.max(1, spacer.offsetHeight - viewport.clientHeight);
		render();
	}

	function formatBytes(n) {
		if (n < 1024) return `${n} B`;
		if (n < 1048576) return `${(n / 1024).toFixed(1)} KB`;
		return `${(n / 1048576).toFixed(1)} MB`;
	}

	vscode.postMessage({ type: 'ready' });
})();
