// An agency's client companies: the ids the client may act as (the x-company-id header), the
// company list's shape check, and reading it page by page. v2 only: the v1 listing carries the
// companies' API keys in its body, so this client never asks for it.
import * as l10n from '@vscode/l10n';
import { invalidResponse, unexpectedShape } from './errors';
import type { AgencyCompaniesPage, AgencyCompany } from './types';

export const COMPANIES_PATH = '/rest/v2/agency/companies';

/** A server that never says "last page" is stopped here, not followed forever; at 50 a page, 50,000 companies. */
export const MAX_COMPANY_PAGES = 1000;

/** Why `id` cannot go in the x-company-id header, or undefined when it can (or is not set). */
export function describeInvalidCompanyId(id: number | undefined): string | undefined {
	if (id === undefined || isCompanyId(id)) return undefined;
	const type = typeof id;
	const shown = type === 'number' ? String(id) : type === 'object' ? l10n.t('an object') : l10n.t('a {0}', type);
	return l10n.t("A Woodpecker company id is a positive whole number, not {0}. Choose the company again from the agency's list.", shown);
}

/** The path and query of one page (1-based) of the company list, `active` sent only when given. */
export function companiesPageQuery(page: number, active?: boolean): string {
	return `${COMPANIES_PATH}?page=${page}${active === undefined ? '' : `&active=${active}`}`;
}

/** One page, checked: `{ content: [{ id, name, ... }], pagination_data: { total_pages, current_page_number, ... } }`. */
export function parseCompaniesPage(json: unknown): AgencyCompaniesPage {
	if (!isObject(json) || !Array.isArray(json.content)) throw unexpectedShape(l10n.t('it is not a list of agency companies (it has no "content" list)'));
	const content = json.content as unknown[];
	for (let i = 0; i < content.length; i++) checkCompany(content[i], i);
	const paging = json.pagination_data;
	if (!isObject(paging)) throw unexpectedShape(l10n.t('its list of agency companies has no "pagination_data"'));
	if (!isCount(paging.total_pages)) throw unexpectedShape(l10n.t('its pagination_data has no whole-number "total_pages"'));
	if (!isCount(paging.current_page_number)) throw unexpectedShape(l10n.t('its pagination_data has no whole-number "current_page_number"'));
	return json as AgencyCompaniesPage;
}

/**
 * Every company, page after page through `getPage` (one call at a time, each awaited), until a
 * page says it is the last (`current_page_number >= total_pages`) or comes back empty.
 */
export async function readAllCompanies(getPage: (pathAndQuery: string) => Promise<unknown>, active?: boolean): Promise<AgencyCompany[]> {
	const companies: AgencyCompany[] = [];
	let previous = -1;
	for (let page = 1; ; page++) {
		const { content, pagination_data: paging } = parseCompaniesPage(await getPage(companiesPageQuery(page, active)));
		for (const company of content) companies.push(company);
		const current = paging.current_page_number;
		if (content.length === 0 || current >= paging.total_pages) return companies;
		// A server that ignores `page` would hand out its first page forever.
		if (current <= previous) throw unexpectedShape(l10n.t('page {0} of the agency companies came back as page {1} again', page, current));
		if (page >= MAX_COMPANY_PAGES) {
			throw invalidResponse(
				l10n.t("Woodpecker's list of agency companies did not end after {0} pages, so it was not loaded. Check the woodpecker.apiBaseUrl setting; if it points at Woodpecker, try again later.", MAX_COMPANY_PAGES),
			);
		}
		previous = current;
	}
}

function checkCompany(value: unknown, i: number): void {
	const path = `content[${i}]`;
	if (!isObject(value)) throw unexpectedShape(l10n.t('{0} is not an object', path));
	if (!isCompanyId(value.id)) throw unexpectedShape(l10n.t('{0} has no numeric "id"', path));
	if (typeof value.name !== 'string') throw unexpectedShape(l10n.t('{0} has no "name"', path));
	if (value.owner !== undefined && typeof value.owner !== 'string') throw unexpectedShape(l10n.t('{0} has an "owner" that is not text', path));
	if (value.active !== undefined && typeof value.active !== 'boolean') throw unexpectedShape(l10n.t('{0} has an "active" that is neither true nor false', path));
}

function isCompanyId(v: unknown): v is number {
	return Number.isSafeInteger(v) && (v as number) > 0;
}

function isCount(v: unknown): v is number {
	return Number.isSafeInteger(v) && (v as number) >= 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}
