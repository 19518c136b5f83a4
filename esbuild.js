// Builds the extension bundle (dist/) and, with --tests, every test file (out/test/).
// Usage: node esbuild.js [--production] [--watch] [--tests]
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');

// node-fetch carries polyfills a GET-only client on Node >= 18 never runs: a web-streams
// polyfill (Node has node:stream/web), Blob/File/FormData and a multipart parser for request
// bodies and res.formData(), data: URL decoding (the client only fetches http(s) URLs) and the
// browser's Referer rules (the client never sets a referrer, so none is ever computed or sent).
// Stubs that throw if ever reached keep ~23 KB out of the bundle.
// Every stub throws the same error if ever reached; one shared function keeps the stubs tiny.
const unsupported = "import { unsupported } from 'dead:unsupported';";
const DEAD = [
	{ filter: /^dead:unsupported$/, contents: "export function unsupported() { throw new Error('This part of node-fetch is not bundled in this extension'); }" },
	{ filter: /^web-streams-polyfill(\/.*)?$/, contents: 'module.exports = {};' },
	{ filter: /^fetch-blob$/, contents: `${unsupported}\nexport default class Blob { constructor() { unsupported(); } }` },
	{
		filter: /^fetch-blob\/from\.js$/,
		contents: `${unsupported}\nexport class Blob { constructor() { unsupported(); } }\nexport class File { constructor() { unsupported(); } }\nexport const fileFrom = unsupported, fileFromSync = unsupported, blobFrom = unsupported, blobFromSync = unsupported;`,
	},
	{ filter: /^formdata-polyfill\/esm\.min\.js$/, contents: `${unsupported}\nexport class FormData { constructor() { unsupported(); } }\nexport const formDataToBlob = unsupported;` },
	{ filter: /^\.\/utils\/multipart-parser\.js$/, contents: `${unsupported}\nexport const toFormData = unsupported;` },
	{ filter: /^data-uri-to-buffer$/, contents: `${unsupported}\nexport default unsupported;` },
	{
		// Request validates a referrerPolicy it is given (the client gives none); with no referrer,
		// determineRequestsReferrer is never called, and redirects are not followed (see below).
		filter: /^\.\/utils\/referrer\.js$/,
		contents: `${unsupported}
export const DEFAULT_REFERRER_POLICY = 'strict-origin-when-cross-origin';
export function validateReferrerPolicy(p) { if (p && p !== DEFAULT_REFERRER_POLICY) unsupported(); return p; }
export const determineRequestsReferrer = unsupported;
export const parseReferrerPolicyFromHeader = unsupported;`,
	},
];
// The client asks for redirect: 'manual' (following a redirect would carry the API key to
// another host), so node-fetch's code that follows redirects is dead too. It sits inside
// fetch(); the build cuts it out by its markers and fails if node-fetch's source no longer has them.
const FOLLOW_START = "\t\t\t\t\tcase 'follow': {";
const FOLLOW_END = '\t\t\t\t\tdefault:';
function cutRedirectFollowing(source) {
	const start = source.indexOf(FOLLOW_START);
	const end = source.indexOf(FOLLOW_END, start);
	if (start < 0 || end < 0 || source.indexOf(FOLLOW_START, start + 1) >= 0) {
		throw new Error('node-fetch/src/index.js changed: update cutRedirectFollowing in esbuild.js');
	}
	const refuse = "\t\t\t\t\tcase 'follow':\n\t\t\t\t\t\treject(new FetchError('following redirects is not bundled in this extension', 'no-redirect'));\n\t\t\t\t\t\tfinalize();\n\t\t\t\t\t\treturn;\n";
	return source.slice(0, start) + refuse + source.slice(end);
}

const dropDeadPolyfills = {
	name: 'drop-dead-polyfills',
	setup(build) {
		DEAD.forEach(({ filter, contents }, i) => {
			build.onResolve({ filter }, () => ({ path: String(i), namespace: 'dead' }));
		});
		build.onLoad({ filter: /.*/, namespace: 'dead' }, (args) => ({ contents: DEAD[Number(args.path)].contents, loader: 'js' }));
		build.onLoad({ filter: /[\\/]node_modules[\\/]node-fetch[\\/]src[\\/]index\.js$/ }, async (args) => ({
			contents: cutRedirectFollowing(await fs.promises.readFile(args.path, 'utf8')),
			loader: 'js',
		}));
	},
};

// Prints errors in the shape the $esbuild-watch problem matcher reads.
const problemMatcher = {
	name: 'esbuild-problem-matcher',
	setup(build) {
		build.onStart(() => {
			if (watch) console.log('[watch] build started');
		});
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
			}
			if (watch) console.log('[watch] build finished');
		});
	},
};

function listTests(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return e.name === 'bench' ? [] : listTests(p);
		return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
	});
}

async function main() {
	const common = {
		bundle: true,
		platform: 'node',
		target: 'node18',
		format: 'cjs',
		external: ['vscode'],
		logLevel: 'silent',
		plugins: [dropDeadPolyfills, problemMatcher],
	};
	const builds = [
		{
			...common,
			entryPoints: ['src/extension.ts'],
			outfile: 'dist/extension.js',
			// Test hooks stay out of the shipped bundle; dist/testApi.js is loaded only outside production.
			external: ['vscode', './testApi'],
			minify: production,
			// Keep '·', '…', '→' as UTF-8 rather than 6-byte \u escapes.
			charset: 'utf8',
			sourcemap: !production,
			sourcesContent: false,
			metafile: true,
		},
		{
			...common,
			entryPoints: ['src/testApi.ts'],
			outfile: 'dist/testApi.js',
			sourcemap: true,
		},
	];
	if (tests) {
		builds.push({
			...common,
			entryPoints: listTests('test'),
			outdir: 'out/test',
			outbase: 'test',
			sourcemap: true,
			// typescript: the localization check parses src/ with it at test time.
			external: ['vscode', 'mocha', 'playwright-core', 'typescript'],
		});
	}
	if (bench) {
		// The benchmark runs the extension's real modules in plain Node, with a stand-in `vscode`.
		builds.push({
			...common,
			entryPoints: ['test/bench/bench.ts', 'test/bench/webviewBench.ts', 'test/bench/pollBench.ts'],
			outdir: 'out/bench',
			external: [],
			alias: { vscode: './test/bench/vscodeStub.ts' },
		});
	}
	if (watch) {
		await Promise.all(builds.map(async (b) => (await esbuild.context(b)).watch()));
		return;
	}
	const results = await Promise.all(builds.map((b) => esbuild.build(b)));
	if (results.some((r) => r.errors.length)) process.exit(1);
	if (process.env.WOODPECKER_BUNDLE_REPORT) console.log(await esbuild.analyzeMetafile(results[0].metafile));
	const size = fs.statSync('dist/extension.js').size;
	console.log(`dist/extension.js ${(size / 1024).toFixed(1)} KB${production ? ' (minified)' : ''}`);
}

main().catch((e) => {
	console.error(e.message ?? e);
	process.exit(1);
});
