// Installs code-server and playwright-core into the git-ignored cache on first use (about a
// minute), and is a marker-file check afterwards. They stay out of devDependencies: 300 MB of
// native builds nobody needs to build the extension. The Debian packages the build and the
// suites need are installed first when missing (systemPackages.ts).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { runToEnd } from './processes';
import { cacheDir } from './paths';
import type { PlaywrightCore } from './playwrightTypes';
import { SetupError, chromiumPath, ensureSystemPackages, locate } from './systemPackages';

export const CODE_SERVER_VERSION = '4.100.3';
export const PLAYWRIGHT_CORE_VERSION = '1.65.1';
/** The @vscode/ripgrep that code-server 4.100.3 pins; its postinstall would download rg from GitHub. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const markerFile = path.join(cacheDir, '.installed.json');
const codeServerPackage = path.join(cacheDir, 'node_modules', 'code-server');

/** Native parts the postinstalls must have built; missing ones mean an install script did not run. */
const BUILT_FILES = [
	'node_modules/argon2/lib/binding/napi-v3/argon2.node',
	'node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node',
	'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
	'node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
	'node_modules/code-server/lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node',
	'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
	'node_modules/code-server/lib/vscode/extensions/node_modules/typescript/package.json',
];

export interface EditorTools {
	/** The code-server launcher script. */
	codeServer: string;
	/** Debian's Chromium, driven by playwright-core. */
	chromium: string;
}

/** Makes sure code-server and playwright-core are in the cache and Debian's Chromium is installed (apt, never `playwright install`). */
export async function ensureEditorTools(log: (line: string) => void = console.log): Promise<EditorTools> {
	const codeServer = !isInstalled();
	if (codeServer) checkNode();
	// One apt-get run for all: Chromium is checked even when code-server is already in the cache.
	await ensureSystemPackages({ codeServer, chromium: true }, { log });
	return { codeServer: await ensureCodeServer(log), chromium: chromiumPath() };
}

/** Installs code-server and playwright-core into the cache unless there already; returns code-server's entry script. */
export async function ensureCodeServer(log: (line: string) => void = console.log): Promise<string> {
	const codeServer = path.join(codeServerPackage, 'out', 'node', 'entry.js');
	if (isInstalled()) return codeServer;

	checkNode();
	await ensureSystemPackages({ codeServer: true, chromium: false }, { log });
	const started = Date.now();
	log(`[editor] Installing code-server ${CODE_SERVER_VERSION} and playwright-core ${PLAYWRIGHT_CORE_VERSION} into ${path.relative(process.cwd(), cacheDir)} (once, about a minute)…`);
	// Install next to the cache and rename at the end, so a half-finished install never looks done.
	const staging = `${cacheDir}.staging-${process.pid}`;
	fs.rmSync(staging, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	try {
		fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(cachePackageJson(), null, '\t')}\n`);
		seedRipgrepCache();
		const code = await runToEnd('npm', ['install', '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=warn'], {
			cwd: staging,
			env: npmEnv(),
			timeoutMs: 15 * 60_000,
		});
		if (code !== 0) throw new Error(`npm install in ${staging} failed with exit code ${code}`);
		const missing = BUILT_FILES.filter((f) => !fs.existsSync(path.join(staging, f)));
		if (missing.length) {
			throw new Error(`code-server installed but its native parts were not built (an install script did not run): ${missing.join(', ')}`);
		}
		fs.writeFileSync(path.join(staging, path.basename(markerFile)), `${JSON.stringify(markerContent())}\n`);
		fs.rmSync(cacheDir, { recursive: true, force: true });
		fs.renameSync(staging, cacheDir);
	} catch (e) {
		fs.rmSync(staging, { recursive: true, force: true });
		throw e;
	}
	log(`[editor] Installed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
	return codeServer;
}

/** playwright-core from the cache (it is not a devDependency, so plain require would not find it). */
export function loadPlaywright(): PlaywrightCore {
	const requireFromCache = createRequire(path.join(cacheDir, 'package.json'));
	return requireFromCache('playwright-core') as PlaywrightCore;
}

function isInstalled(): boolean {
	try {
		const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as unknown;
		return JSON.stringify(marker) === JSON.stringify(markerContent()) && fs.existsSync(path.join(codeServerPackage, 'out', 'node', 'entry.js'));
	} catch {
		return false;
	}
}

function markerContent(): Record<string, string> {
	// Native modules are built for one Node ABI: a different Node means a fresh install.
	return { codeServer: CODE_SERVER_VERSION, playwrightCore: PLAYWRIGHT_CORE_VERSION, nodeAbi: process.versions.modules };
}

function cachePackageJson(): Record<string, unknown> {
	return {
		name: 'woodpecker-editor-test-tools',
		private: true,
		description: 'code-server and playwright-core for the editor tests; installed by test/editor/install.ts.',
		dependencies: { 'code-server': CODE_SERVER_VERSION, 'playwright-core': PLAYWRIGHT_CORE_VERSION },
		// npm 11 asks for install scripts to be approved. code-server's postinstall runs its own
		// `npm install` in lib/vscode (node-pty, spdlog, kerberos, ripgrep...), argon2 builds from source.
		allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, 'argon2@0.31.2': true },
	};
}

function npmEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		// node-pty's postinstall runs `npx node-gyp`: never stop at npx's "Ok to proceed?".
		npm_config_yes: 'true',
		// The ripgrep cache was seeded in os.tmpdir(); make sure the postinstall looks in the same one.
		TMPDIR: os.tmpdir(),
	};
	// code-server's postinstall refuses to run as root (CI) unless it sees this variable; npm 11
	// warns it does not know the setting, which is expected.
	if (process.getuid?.() === 0) env.npm_config_unsafe_perm = 'true';
	// node-gyp downloads Node's headers from nodejs.org unless they are installed next to node.
	const nodePrefix = path.dirname(path.dirname(process.execPath));
	if (fs.existsSync(path.join(nodePrefix, 'include', 'node', 'node_version.h'))) env.npm_config_nodedir = nodePrefix;
	return env;
}

/** Puts the system rg where @vscode/ripgrep's postinstall looks before it tries GitHub. */
function seedRipgrepCache(): void {
	if (process.arch !== 'x64') return; // Elsewhere the postinstall downloads as usual.
	const cache = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
	const asset = path.join(cache, RIPGREP_ASSET);
	if (fs.existsSync(asset)) return;
	const rg = locate('rg');
	if (!rg) throw new SetupError('ripgrep (rg) not found on PATH.'); // ensureSystemPackages made sure it was.
	fs.mkdirSync(cache, { recursive: true });
	// A tarball with `rg` at its root is all the postinstall unpacks.
	const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-seed-'));
	try {
		fs.copyFileSync(rg, path.join(staging, 'rg'));
		fs.chmodSync(path.join(staging, 'rg'), 0o755);
		execFileSync('tar', ['czf', `${asset}.partial`, '-C', staging, 'rg']);
		fs.renameSync(`${asset}.partial`, asset);
	} finally {
		fs.rmSync(staging, { recursive: true, force: true });
	}
}

function checkNode(): void {
	const major = Number(process.versions.node.split('.')[0]);
	if (major !== 20) throw new SetupError(`code-server ${CODE_SERVER_VERSION} needs Node 20; this is Node ${process.versions.node}.`);
}
