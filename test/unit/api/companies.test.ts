// The company list on its own: its query, its shape check, and the page-by-page read, fed JSON
// pages directly (the client and the fake API meet in agencyClient.test.ts).
import * as assert from 'node:assert/strict';
import { companiesPageQuery, describeInvalidCompanyId, MAX_COMPANY_PAGES, parseCompaniesPage, readAllCompanies } from '../../../src/api/companies';
import { WoodpeckerApiError } from '../../../src/api/errors';
import type { AgencyCompany } from '../../../src/api/types';

/** The whole message for an unexpected shape, `what` being the part named. */
const shape = (what: string) => ({
	kind: 'invalid-response',
	status: 200,
	title: 'Unexpected response',
	message: `Woodpecker sent an unexpected response: ${what}. Check the woodpecker.apiBaseUrl setting; if it points at Woodpecker, the API may have changed.`,
});

const acme: AgencyCompany = { id: 12345678, name: 'Acme Ltd', owner: 'owner@acme.example', active: true, running_campaigns: 2, email_slots: 2, linkedin_slots: 0 };
const globex: AgencyCompany = { id: 23456789, name: 'Globex', active: false };
const initech: AgencyCompany = { id: 3, name: 'Initech' };

const page = (content: unknown[], current: number, total: number) => ({
	content,
	pagination_data: { total_elements: 3, total_pages: total, current_page_number: current, page_size: 2 },
});

/** A getPage double answering from `pages` by call order, recording what was asked. */
function pagesFrom(pages: unknown[]): { getPage: (q: string) => Promise<unknown>; asked: string[] } {
	const asked: string[] = [];
	return {
		asked,
		getPage: async (q) => {
			asked.push(q);
			assert.ok(asked.length <= pages.length, `asked for ${q}, one page more than the server has`);
			return pages[asked.length - 1];
		},
	};
}

async function rejectionOf(promise: Promise<unknown>): Promise<WoodpeckerApiError> {
	try {
		await promise;
	} catch (e) {
		assert.ok(e instanceof WoodpeckerApiError, `expected a WoodpeckerApiError, got ${String(e)}`);
		return e;
	}
	assert.fail('expected a rejection');
}

describe('api/companies', () => {
	describe('describeInvalidCompanyId', () => {
		it('passes no id and a positive whole number', () => {
			assert.equal(describeInvalidCompanyId(undefined), undefined);
			assert.equal(describeInvalidCompanyId(1), undefined);
			assert.equal(describeInvalidCompanyId(12345678), undefined);
		});

		it('says what a company id is and what to do', () => {
			assert.equal(describeInvalidCompanyId(0), "A Woodpecker company id is a positive whole number, not 0. Choose the company again from the agency's list.");
			assert.equal(describeInvalidCompanyId(true as unknown as number), "A Woodpecker company id is a positive whole number, not a boolean. Choose the company again from the agency's list.");
			assert.equal(describeInvalidCompanyId(null as unknown as number), "A Woodpecker company id is a positive whole number, not an object. Choose the company again from the agency's list.");
		});
	});

	describe('companiesPageQuery', () => {
		it('asks for a page, 1-based, and for active only when given', () => {
			assert.equal(companiesPageQuery(1), '/rest/v2/agency/companies?page=1');
			assert.equal(companiesPageQuery(2, true), '/rest/v2/agency/companies?page=2&active=true');
			assert.equal(companiesPageQuery(1, false), '/rest/v2/agency/companies?page=1&active=false');
		});
	});

	describe('parseCompaniesPage', () => {
		it("takes the docs' example as it is, every field kept", () => {
			const doc = JSON.parse(
				'{"content":[{"id":12345678,"name":"Acme Ltd","owner":"owner@acme.example","active":true,"running_campaigns":2,"email_slots":2,"linkedin_slots":0}],"pagination_data":{"total_elements":2,"total_pages":1,"current_page_number":1,"page_size":50}}',
			) as unknown;
			const parsed = parseCompaniesPage(doc);
			assert.equal(parsed, doc);
			assert.deepEqual(parsed.content, [acme]);
			assert.deepEqual(parsed.pagination_data, { total_elements: 2, total_pages: 1, current_page_number: 1, page_size: 50 });
		});

		it('takes an agency without clients, and companies without owner or active', () => {
			assert.deepEqual(parseCompaniesPage(page([], 1, 0)).content, []);
			assert.deepEqual(parseCompaniesPage({ content: [initech], pagination_data: { total_pages: 1, current_page_number: 1 }, extra: 'kept' }), {
				content: [initech],
				pagination_data: { total_pages: 1, current_page_number: 1 },
				extra: 'kept',
			});
		});

		it('refuses an answer that is not a company list', () => {
			for (const json of [null, 'x', [acme], {}, { content: { 0: acme } }, { lead_enrichments: [] }]) {
				assert.throws(() => parseCompaniesPage(json), shape('it is not a list of agency companies (it has no "content" list)'), JSON.stringify(json));
			}
		});

		const badCompanies: Array<[string, unknown, string]> = [
			['a company that is no object', 'Acme', 'content[1] is not an object'],
			['a company that is a list', [acme], 'content[1] is not an object'],
			['a company without an id', { name: 'Acme' }, 'content[1] has no numeric "id"'],
			['an id written as text', { id: '12345678', name: 'Acme' }, 'content[1] has no numeric "id"'],
			['an id of 0', { id: 0, name: 'Acme' }, 'content[1] has no numeric "id"'],
			['a negative id', { id: -1, name: 'Acme' }, 'content[1] has no numeric "id"'],
			['a fractional id', { id: 1.5, name: 'Acme' }, 'content[1] has no numeric "id"'],
			['an id past 2^53', { id: 2 ** 53, name: 'Acme' }, 'content[1] has no numeric "id"'],
			['a company without a name', { id: 1 }, 'content[1] has no "name"'],
			['a name that is a number', { id: 1, name: 7 }, 'content[1] has no "name"'],
			['an owner that is no text', { id: 1, name: 'Acme', owner: null }, 'content[1] has an "owner" that is not text'],
			['an active that is text', { id: 1, name: 'Acme', active: 'true' }, 'content[1] has an "active" that is neither true nor false'],
		];
		for (const [label, company, what] of badCompanies) {
			it(`refuses ${label}, naming it`, () => {
				assert.throws(() => parseCompaniesPage(page([globex, company], 1, 1)), shape(what));
			});
		}

		const badPaging: Array<[string, unknown, string]> = [
			['no pagination_data', undefined, 'its list of agency companies has no "pagination_data"'],
			['pagination_data that is a list', [1, 1], 'its list of agency companies has no "pagination_data"'],
			['no total_pages', { current_page_number: 1 }, 'its pagination_data has no whole-number "total_pages"'],
			['total_pages as text', { total_pages: '2', current_page_number: 1 }, 'its pagination_data has no whole-number "total_pages"'],
			['a negative total_pages', { total_pages: -1, current_page_number: 1 }, 'its pagination_data has no whole-number "total_pages"'],
			['a fractional total_pages', { total_pages: 1.5, current_page_number: 1 }, 'its pagination_data has no whole-number "total_pages"'],
			['no current_page_number', { total_pages: 2 }, 'its pagination_data has no whole-number "current_page_number"'],
			['a negative current_page_number', { total_pages: 2, current_page_number: -1 }, 'its pagination_data has no whole-number "current_page_number"'],
		];
		for (const [label, paging, what] of badPaging) {
			it(`refuses ${label}`, () => {
				assert.throws(() => parseCompaniesPage({ content: [acme], pagination_data: paging }), shape(what));
			});
		}

		it('takes 0 as a page count and as a page number', () => {
			assert.deepEqual(parseCompaniesPage({ content: [], pagination_data: { total_pages: 0, current_page_number: 0 } }).pagination_data, { total_pages: 0, current_page_number: 0 });
		});
	});

	describe('readAllCompanies', () => {
		it('reads page after page, in order, until the page that says it is the last', async () => {
			const { getPage, asked } = pagesFrom([page([acme, globex], 1, 2), page([initech], 2, 2)]);
			assert.deepEqual(await readAllCompanies(getPage), [acme, globex, initech]);
			assert.deepEqual(asked, ['/rest/v2/agency/companies?page=1', '/rest/v2/agency/companies?page=2']);
		});

		it('asks every page for the same active filter', async () => {
			const { getPage, asked } = pagesFrom([page([acme], 1, 2), page([initech], 2, 2)]);
			assert.deepEqual(await readAllCompanies(getPage, true), [acme, initech]);
			assert.deepEqual(asked, ['/rest/v2/agency/companies?page=1&active=true', '/rest/v2/agency/companies?page=2&active=true']);
		});

		it('waits for each page before asking for the next', async () => {
			let open = 0;
			let most = 0;
			const pages = [page([acme], 1, 3), page([globex], 2, 3), page([initech], 3, 3)];
			const getPage = async (q: string) => {
				most = Math.max(most, ++open);
				await new Promise((resolve) => setTimeout(resolve, 5));
				open--;
				return pages[Number(q.slice(-1)) - 1];
			};
			assert.deepEqual(await readAllCompanies(getPage), [acme, globex, initech]);
			assert.equal(most, 1);
		});

		it('stops after one page for an agency without clients', async () => {
			const { getPage, asked } = pagesFrom([page([], 1, 0)]);
			assert.deepEqual(await readAllCompanies(getPage), []);
			assert.equal(asked.length, 1);
		});

		it('stops at an empty page, whatever total_pages says', async () => {
			const { getPage, asked } = pagesFrom([page([acme, globex], 1, 5), page([], 2, 5)]);
			assert.deepEqual(await readAllCompanies(getPage), [acme, globex]);
			assert.equal(asked.length, 2);
		});

		it('stops at a page number past total_pages', async () => {
			const { getPage, asked } = pagesFrom([page([acme], 3, 2)]);
			assert.deepEqual(await readAllCompanies(getPage), [acme]);
			assert.equal(asked.length, 1);
		});

		it('refuses a server that hands out the same page again, at the second page', async () => {
			const { getPage, asked } = pagesFrom([page([acme], 1, 2), page([acme], 1, 2)]);
			const err = await rejectionOf(readAllCompanies(getPage));
			assert.deepEqual({ kind: err.kind, status: err.status, title: err.title, message: err.message }, shape('page 2 of the agency companies came back as page 1 again'));
			assert.equal(asked.length, 2);
		});

		it('refuses a server whose page numbers go back', async () => {
			const { getPage } = pagesFrom([page([acme], 1, 3), page([globex], 2, 3), page([initech], 1, 3)]);
			const err = await rejectionOf(readAllCompanies(getPage));
			assert.equal(err.message, shape('page 3 of the agency companies came back as page 1 again').message);
		});

		it(`reads ${MAX_COMPANY_PAGES} pages, and no more than that from a list that never ends`, async () => {
			assert.equal(MAX_COMPANY_PAGES, 1000);
			let asked = 0;
			const exactly = async (q: string) => (asked++, page([{ id: Number(q.split('=')[1]), name: 'c' }], Number(q.split('=')[1]), 1000));
			const all = await readAllCompanies(exactly);
			assert.deepEqual([all.length, all[999].id, asked], [1000, 1000, 1000]);
			asked = 0;
			const endless = async (q: string) => (asked++, page([acme], Number(q.split('=')[1]), Number(q.split('=')[1]) + 1));
			const err = await rejectionOf(readAllCompanies(endless));
			assert.deepEqual(
				[err.kind, err.status, err.title, err.message, asked],
				[
					'invalid-response',
					200,
					'Unexpected response',
					"Woodpecker's list of agency companies did not end after 1000 pages, so it was not loaded. Check the woodpecker.apiBaseUrl setting; if it points at Woodpecker, try again later.",
					1000,
				],
			);
		});

		it('passes on the failure of a page and asks for no further one', async () => {
			const failure = new WoodpeckerApiError({ kind: 'http', status: 500, title: 'Internal server error', message: 'Boom.' });
			const asked: string[] = [];
			const getPage = async (q: string) => {
				asked.push(q);
				if (asked.length === 2) throw failure;
				return page([acme], 1, 3);
			};
			assert.equal(await rejectionOf(readAllCompanies(getPage)), failure);
			assert.equal(asked.length, 2);
		});

		it('refuses the whole list when a later page has a bad company', async () => {
			const { getPage } = pagesFrom([page([acme], 1, 2), page([{ id: 9 }], 2, 2)]);
			const err = await rejectionOf(readAllCompanies(getPage));
			assert.equal(err.message, shape('content[0] has no "name"').message);
		});
	});
});
