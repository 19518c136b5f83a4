// One code-server on 127.0.0.1 with its own user data, extensions and XDG folders, so a test
// run never sees (or changes) anyone's editor setup, and is stopped with its whole process group.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { errorText, killGroup, onCleanup, runToEnd, sleep, spawnGroup } from './processes';

/** User settings that keep the workbench from showing anything a test did not ask for. */
export const QUIET_SETTINGS: Record<string, unknown> = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'security.workspace.trust.enabled': false,
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'extensions.ignoreRecommendations': true,
	'update.mode': 'none',
	'telemetry.telemetryLevel': 'off',
	'chat.disableAIFeatures': true,
	'git.enabled': false,
};

export interface CodeServerOptions {
	/** out/node/entry.js of the cached code-server. */
	entry: string;
	/** A private folder for this server's state (user data, extensions, XDG dirs, log, workspace). */
	stateDir: string;
	/** Added to QUIET_SETTINGS in the user (and machine) settings. */
	settings?: Record<string, unknown>;
	/** A .vsix to install before starting. */
	vsix?: string;
	/** Extra environment for the server and so for its extension host. */
	env?: Record<string, string>;
	/** Fixed port; a free one when absent. */
	port?: number;
	/** Where the server's output goes; default stateDir/code-server.log. */
	logFile?: string;
	/** The display language (`--locale`), e.g. the pseudo locale; English when absent. */
	locale?: string;
}

export class CodeServer {
	private constructor(
		/** http://127.0.0.1:PORT */
		readonly url: string,
		/** The folder opened as the workspace (empty). */
		readonly workspace: string,
		readonly logFile: string,
		/** Settles when the server process exits, whoever stopped it. */
		readonly exited: Promise<void>,
		private readonly stopServer: () => Promise<void>,
	) {}

	/** Installs the .vsix (if any), starts the server and waits until it answers /healthz. */
	static async start(options: CodeServerOptions): Promise<CodeServer> {
		const dirs = {
			userData: path.join(options.stateDir, 'user-data'),
			extensions: path.join(options.stateDir, 'extensions'),
			workspace: path.join(options.stateDir, 'workspace'),
		};
		for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
		const settings = `${JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, '\t')}\n`;
		// code-server windows are remote windows: machine-scoped settings (woodpecker.apiBaseUrl)
		// are read from the Machine file, everything else from the User file.
		for (const scope of ['User', 'Machine']) {
			fs.mkdirSync(path.join(dirs.userData, scope), { recursive: true });
			fs.writeFileSync(path.join(dirs.userData, scope, 'settings.json'), settings);
		}
		const env: NodeJS.ProcessEnv = {
			...process.env,
			XDG_CONFIG_HOME: path.join(options.stateDir, 'xdg-config'),
			XDG_DATA_HOME: path.join(options.stateDir, 'xdg-data'),
			XDG_CACHE_HOME: path.join(options.stateDir, 'xdg-cache'),
			...options.env,
		};
		delete env.VSCODE_IPC_HOOK_CLI; // When run from a VS Code terminal, do not talk to that editor.
		const common = ['--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData];
		const logFile = options.logFile ?? path.join(options.stateDir, 'code-server.log');
		fs.mkdirSync(path.dirname(logFile), { recursive: true });
		fs.writeFileSync(logFile, '');

		if (options.vsix) {
			const out = fs.openSync(logFile, 'a');
			const code = await runToEnd(process.execPath, [options.entry, ...common, '--install-extension', options.vsix], { env, stdio: ['ignore', out, out], timeoutMs: 120_000 });
			fs.closeSync(out);
			if (code !== 0) throw new Error(`code-server --install-extension ${options.vsix} failed (exit ${code}); see ${logFile}:\n${tail(logFile)}`);
		}

		// A free port can be taken between probing and binding: try a few.
		let lastError: unknown;
		for (let attempt = 0; attempt < (options.port ? 1 : 3); attempt++) {
			const port = options.port ?? (await freePort());
			const out = fs.openSync(logFile, 'a');
			const child = spawnGroup(
				process.execPath,
				[
					options.entry,
					...common,
					'--auth',
					'none',
					'--bind-addr',
					`127.0.0.1:${port}`,
					'--disable-telemetry',
					'--disable-update-check',
					'--disable-workspace-trust',
					'--disable-getting-started-override',
					'--ignore-last-opened',
					...(options.locale ? ['--locale', options.locale] : []),
					dirs.workspace,
				],
				{ env, stdio: ['ignore', out, out] },
			);
			fs.closeSync(out);
			let exited = false;
			const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			void exit.then(() => (exited = true));
			const stop = () => killGroup(child);
			onCleanup(`code-server :${port}`, stop);
			const url = `http://127.0.0.1:${port}`;
			try {
				await waitForHealth(url, () => exited, 60_000);
				return new CodeServer(url, dirs.workspace, logFile, exit, stop);
			} catch (e) {
				lastError = e;
				await stop();
			}
		}
		throw new Error(`code-server did not start: ${errorText(lastError)}; see ${logFile}:\n${tail(logFile)}`);
	}

	/** The workbench address that opens the workspace folder, plus any extra query parameters. */
	workbenchUrl(query: Record<string, string> = {}): string {
		const params = new URLSearchParams({ folder: this.workspace, ...query });
		return `${this.url}/?${params.toString()}`;
	}

	stop(): Promise<void> {
		return this.stopServer();
	}
}

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => (port ? resolve(port) : reject(new Error('no port'))));
		});
	});
}

async function waitForHealth(url: string, exited: () => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exited()) throw new Error('code-server exited during start-up');
		if (await answers(`${url}/healthz`)) return;
		await sleep(200);
	}
	throw new Error(`no answer from ${url}/healthz within ${timeoutMs / 1000} s`);
}

function answers(url: string): Promise<boolean> {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: 2_000 }, (res) => {
			res.resume();
			resolve(res.statusCode === 200);
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve(false));
	});
}

function tail(file: string, lines = 30): string {
	try {
		return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}
