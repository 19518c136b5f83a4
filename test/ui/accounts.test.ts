// Several accounts and an agency's client companies, as a user meets them: Add Account… from the
// view's menu, account rows with their own batches and their own way out of a failure, and
// Choose Client Companies… across the company list's pages.
import * as assert from 'node:assert/strict';
import { DEMO_AGENCY_KEY } from '../fake/data';
import { COMPANIES_PATH } from '../fake/server';
import { eventually, useWorkbench, type Workbench } from './workbench';

/** The row's description (the text after its label), once it matches. */
async function descriptionOf(wb: Workbench, label: string, match: RegExp, what: string): Promise<string> {
	return eventually(
		async () => (await wb.treeRows()).find((r) => r.label === label)?.description ?? '',
		(d) => match.test(d),
		what,
		25_000,
	);
}

describe('Several accounts and agencies', () => {
	const workbench = useWorkbench();

	it("Add Account… from the view's menu: account rows, each with its own batches (README: media/screenshots/accounts.png)", async () => {
		const wb = workbench();
		await wb.useReadmeWindow();
		await wb.signIn();
		const single = (await wb.treeRows()).filter((r) => r.level === 1);
		assert.ok(single.length > 0 && single.every((r) => !['Default', 'Agency HQ'].includes(r.label)), 'one account: its batches are the roots, as before');

		await wb.viewTitleMenu('Add Account…');
		await wb.answerInputBox('Agency HQ', /Add Account \(2\/2\): API key for Agency HQ/);
		assert.equal(await wb.quickInputBox().getAttribute('type'), 'password', 'the key is asked in a password box');
		await wb.answerInputBox(DEMO_AGENCY_KEY);

		await descriptionOf(wb, 'Agency HQ', /^\d+ batch(es)?( · \d+ pending)?$/, 'the new account loaded');
		await descriptionOf(wb, 'Default', /^\d+ batches/, 'the first account under its own row');
		const rows = await wb.treeRows();
		assert.deepEqual(
			rows.filter((r) => r.level === 1).map((r) => [r.label, r.icon]),
			[
				['Default', 'account'],
				['Agency HQ', 'account'],
			],
		);
		// Under each account its batches, one level down.
		assert.ok(rows.filter((r) => r.level === 2).length >= 2);
		await wb.readmeScreenshot('accounts', await wb.sideBarClip());
	});

	it('Rename Account… and Remove Account… from an account row: the name is checked, removal asks first and goes back to one account', async () => {
		const wb = workbench();
		await wb.signIn();
		await wb.runCommand('Woodpecker: Add Account…');
		await wb.answerInputBox('Agency HQ', /Add Account \(2\/2\)/);
		await wb.answerInputBox(DEMO_AGENCY_KEY);
		await descriptionOf(wb, 'Agency HQ', /^\d+ batch(es)?/, 'the second account loaded');

		await wb.contextMenu(wb.treeRow('Agency HQ'), 'Rename Account…');
		const input = wb.quickInputBox();
		await input.waitFor();
		assert.equal(await input.inputValue(), 'Agency HQ', 'the box starts from the current name');
		await input.fill('default');
		await eventually(
			() => wb.quickInput().innerText(),
			(t) => t.includes('An account named "Default" exists already.'),
			'a taken name refused as typed',
		);
		await wb.answerInputBox('Client Agency');
		await wb.treeRow('Client Agency').waitFor();

		await wb.contextMenu(wb.treeRow('Client Agency'), 'Remove Account…');
		const dialog = wb.page.locator('.monaco-dialog-box');
		await dialog.waitFor();
		assert.match(await dialog.innerText(), /Remove the account "Client Agency"\?[\s\S]*Its API key and its cached batches are deleted from this machine\. Nothing changes in Woodpecker\./);
		await dialog.getByRole('button', { name: 'Remove Account' }).click();
		await eventually(
			async () => (await wb.treeRows()).map((r) => r.label),
			(labels) => !labels.includes('Client Agency') && !labels.includes('Default'),
			'back to one account: its batches are the roots again',
		);
	});

	it('a rejected key on one account shows on its row with its own Set API Key…; the other keeps its batches', async () => {
		const wb = workbench();
		await wb.signIn();
		await wb.runCommand('Woodpecker: Add Account…');
		await wb.answerInputBox('Old Client', /Add Account \(2\/2\)/);
		await wb.answerInputBox('a-key-the-server-rejects');
		await descriptionOf(wb, 'Old Client', /^could not load$/, 'the failing account row');
		await descriptionOf(wb, 'Default', /^\d+ batches/, 'the other account keeps its batches');
		const rows = await wb.treeRows();
		const failing = rows.findIndex((r) => r.label === 'Old Client');
		assert.equal(rows[failing].icon, 'error');
		assert.deepEqual(
			rows.slice(failing + 1, failing + 3).map((r) => [r.label, r.level]),
			[
				['Set API Key…', 2],
				['Show Log', 2],
			],
			'its way out is under its own row',
		);
		assert.equal(await wb.viewMessage(), '', 'no view message: the row says it');
		assert.equal(await wb.notification(/Woodpecker/).count(), 0, 'a background load tells no one');
		await wb.screenshot('account-rejected-key');

		await wb.treeRowAt(rows[failing + 1].index).click();
		await wb.parkPointer();
		await eventually(
			() => wb.quickInput().innerText(),
			(t) => t.includes('Set API Key for Old Client'),
			'the key box names the account',
		);
		await wb.answerInputBox(DEMO_AGENCY_KEY);
		await descriptionOf(wb, 'Old Client', /^\d+ batch(es)?/, 'the fixed account loaded');
	});

	it('Choose Client Companies…: every page of companies in a multi-select pick; the chosen ones show under the agency (README: media/screenshots/agency.png)', async () => {
		const wb = workbench();
		await wb.useReadmeWindow();
		await wb.signIn(DEMO_AGENCY_KEY);
		const since = Date.now();
		await wb.viewTitleMenu('Choose Client Companies…');
		const items = wb.quickInput().locator('.monaco-list-row');
		await eventually(
			() => items.allInnerTexts(),
			(t) => t.length === 3,
			'the three companies of both pages',
		);
		const texts = (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
		assert.match(texts[0], /^Acme Ltd\s*id 12345678\s*Owner: maria@acme\.example\.com$/);
		assert.match(texts[2], /^Initech\s*inactive · id 34567890/);
		assert.deepEqual(
			wb.h.fake.requests.filter((r) => r.path === COMPANIES_PATH && r.at >= since).map((r) => r.query.page ?? '1'),
			['1', '2'],
			'both pages were read, one after the other',
		);
		for (const name of ['Acme Ltd', 'Globex Corporation']) {
			const row = items.filter({ hasText: name });
			await row.locator('.monaco-checkbox').click();
			await eventually(
				() => row.getAttribute('aria-checked'),
				(c) => c === 'true',
				`${name} ticked`,
			);
		}
		assert.equal(await items.filter({ hasText: 'Initech' }).getAttribute('aria-checked'), 'false', 'nothing is ticked before it was chosen');
		await wb.quickInputBox().press('Enter');
		await wb.quickInput().waitFor({ state: 'hidden' });

		await descriptionOf(wb, 'Acme Ltd', /^\d+ batch(es)?/, "Acme's batches");
		await descriptionOf(wb, 'Globex Corporation', /^\d+ batch(es)?/, "Globex's batches");
		const rows = await wb.treeRows();
		assert.deepEqual(
			rows.filter((r) => r.level <= 2 && r.icon !== 'clock' && !/^\w{3} \d/.test(r.label)).map((r) => [r.label, r.level, r.icon]),
			[
				['Default', 1, 'account'],
				['Acme Ltd', 2, 'organization'],
				['Globex Corporation', 2, 'organization'],
			],
		);
		await wb.readmeScreenshot('agency', await wb.sideBarClip());
	});

	it('a key without the agency add-on: Choose Client Companies… says so, and nothing about the account changes', async () => {
		const wb = workbench();
		await wb.signIn();
		const before = (await wb.treeRows()).map((r) => r.label);
		await wb.runCommand('Woodpecker: Choose Client Companies…');
		const toast = wb.notification(/is not an agency key/);
		await toast.waitFor();
		assert.match(await toast.innerText(), /The key of Default is not an agency key: Woodpecker did not list client companies for it \(No Agency addon\)\. Nothing about the account changed\./);
		await toast.getByRole('button', { name: 'Show Log' }).waitFor();
		assert.deepEqual(
			(await wb.treeRows()).map((r) => r.label),
			before,
		);
	});
});
