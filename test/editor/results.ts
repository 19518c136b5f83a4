// One JSON file per suite in test-results/, which scripts/test-all.js adds up.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resultsDir } from './paths';

export interface SuiteResult {
	suite: string;
	passed: number;
	failed: number;
}

export function resultFile(suite: string): string {
	return path.join(resultsDir, `${suite}.json`);
}

export function writeResult(file: string, result: SuiteResult): void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(result)}\n`);
}

/** The suite's result, or undefined when the file is missing or not a result. */
export function readResult(file: string): SuiteResult | undefined {
	try {
		const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
		if (typeof value !== 'object' || value === null) return undefined;
		const { suite, passed, failed } = value as Record<string, unknown>;
		if (typeof suite !== 'string' || typeof passed !== 'number' || typeof failed !== 'number') return undefined;
		return { suite, passed, failed };
	} catch {
		return undefined;
	}
}
