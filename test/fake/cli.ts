// Runs the fake Woodpecker API for the demo and manual testing:
//   node out/test/fake/cli.js [--port N] [--batches demo|N] [--key KEY] [--agency-key KEY|none] [--latency MS]
// --key is an account without the agency add-on; --agency-key (default agency-key) is the HQ key
// of the demo agency (three client companies, see demoAgency), or none for no agency.
import { DEMO_AGENCY_KEY, demoAgency, demoBatches, generateBatches } from './data';
import { FakeWoodpeckerServer } from './server';

interface CliOptions {
	port: number;
	batches: string;
	key: string;
	/** Undefined: no agency. */
	agencyKey: string | undefined;
	latencyMs: number;
}

const USAGE = 'Usage: node out/test/fake/cli.js [--port N] [--batches demo|N] [--key KEY] [--agency-key KEY|none] [--latency MS]';

function parseArgs(argv: string[]): CliOptions {
	const options: CliOptions = { port: 0, batches: 'demo', key: 'test-key', agencyKey: DEMO_AGENCY_KEY, latencyMs: 0 };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (flag === '--help' || flag === '-h') {
			console.log(USAGE);
			process.exit(0);
		}
		const value = argv[++i];
		if (value === undefined) fail(`${flag} needs a value`);
		if (flag === '--port') options.port = wholeNumber(flag, value, 65_535);
		else if (flag === '--batches') options.batches = value;
		else if (flag === '--key') options.key = value;
		else if (flag === '--agency-key') options.agencyKey = value === 'none' ? undefined : value;
		else if (flag === '--latency') options.latencyMs = wholeNumber(flag, value, 600_000);
		else fail(`unknown option ${flag}`);
	}
	if (options.batches !== 'demo') wholeNumber('--batches', options.batches, 10_000_000);
	if (options.agencyKey === options.key) fail('--agency-key must differ from --key: one account has the agency add-on, the other not');
	return options;
}

function wholeNumber(flag: string, value: string, max: number): number {
	const n = Number(value);
	if (!/^\d+$/.test(value) || n > max) fail(`${flag} wants a whole number up to ${max}, not "${value}"`);
	return n;
}

function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(2);
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const batches = options.batches === 'demo' ? demoBatches() : generateBatches({ count: Number(options.batches) });
	const agency = options.agencyKey === undefined ? false : { ...demoAgency(), apiKey: options.agencyKey };
	const server = new FakeWoodpeckerServer({ apiKey: options.key, batches, latencyMs: options.latencyMs, agency });
	const url = await server.start(options.port);
	console.log(`Fake Woodpecker API listening on ${url} (API key: ${options.key})`);
	if (agency) console.log(`Agency HQ key: ${agency.apiKey} (${agency.companies.length} client companies, x-company-id ${agency.companies.map((c) => c.company.id).join(', ')})`);
	let stopping = false;
	const shutdown = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`${signal}: stopping after ${server.requests.length} request(s)`);
		server.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
