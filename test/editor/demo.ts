// `npm run demo`: the packaged extension in code-server, against the fake Woodpecker API with
// demo data, for a person to click through in their browser. Ctrl+C stops everything.
//
//   npm run demo                      fake API (key demo-key), free port; the key agency-key is an
//                                     agency HQ with three client companies (demoAgency in test/fake/data.ts)
//   npm run demo -- --port 8080       code-server on http://127.0.0.1:8080
//   npm run demo -- --live            the real Woodpecker API: type your own key in the editor
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_AGENCY_KEY, demoBatches } from '../fake/data';
import { FakeWoodpeckerServer } from '../fake/server';
import { CodeServer } from './codeServer';
import { ensureCodeServer } from './install';
import { cleanupAll, installExitHandlers, isStopping, onCleanup } from './processes';
import { packageVsix } from './vsix';

const DEMO_KEY = 'demo-key';

interface DemoOptions {
	live: boolean;
	port?: number;
}

function parseArgs(argv: string[]): DemoOptions {
	const options: DemoOptions = { live: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--live') options.live = true;
		else if (arg === '--port') {
			const port = Number(argv[++i]);
			if (!Number.isInteger(port) || port < 1 || port > 65_535) fail(`--port wants a port number, not "${argv[i] ?? ''}"`);
			options.port = port;
		} else if (arg === '--help' || arg === '-h') {
			console.log('Usage: npm run demo -- [--live] [--port N]');
			process.exit(0);
		} else fail(`unknown option ${arg}`);
	}
	return options;
}

function fail(message: string): never {
	console.error(`demo: ${message}\nUsage: npm run demo -- [--live] [--port N]`);
	process.exit(2);
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	installExitHandlers();
	// Chromium is not needed here: the browser is yours.
	const codeServer = await ensureCodeServer();
	const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'woodpecker-demo-'));
	onCleanup('temp folder', () => fs.rmSync(stateDir, { recursive: true, force: true }));

	const settings: Record<string, unknown> = {};
	if (!options.live) {
		const fake = new FakeWoodpeckerServer({ apiKey: DEMO_KEY, batches: demoBatches() });
		settings['woodpecker.apiBaseUrl'] = await fake.start();
		onCleanup('fake API', () => fake.stop());
	}
	const vsix = await packageVsix(path.join(stateDir, 'woodpecker-enrichments.vsix'), path.join(stateDir, 'vsce.log'));
	console.log('[demo] Starting code-server…');
	const server = await CodeServer.start({ entry: codeServer, stateDir, vsix, settings, port: options.port });

	console.log('');
	console.log(`  Open       ${server.workbenchUrl()}`);
	if (options.live) {
		console.log('  API        the real Woodpecker API (woodpecker.apiBaseUrl left at its default)');
		console.log('  Then       click the Woodpecker icon in the activity bar, Set API Key, and type your own key');
	} else {
		console.log(`  API        fake Woodpecker API at ${settings['woodpecker.apiBaseUrl']} (${demoBatches().length} demo batches)`);
		console.log(`  Then       click the Woodpecker icon in the activity bar, Set API Key, and type: ${DEMO_KEY}`);
		console.log(`  Agency     or type ${DEMO_AGENCY_KEY}: an agency's HQ key, with three client companies`);
	}
	console.log(`  Log        ${server.logFile}`);
	console.log('  Stop       Ctrl+C');
	console.log('');
	// Runs until Ctrl+C (installExitHandlers() then stops code-server and the fake API).
	await server.exited;
	if (!isStopping()) throw new Error(`code-server stopped on its own; see ${server.logFile}`);
}

main().catch(async (e: unknown) => {
	console.error(`[demo] ${e instanceof Error ? e.message : String(e)}`);
	await cleanupAll();
	process.exit(1);
});
