// An agency's client companies: which ids the client may act as (the x-company-id header).
// An HQ key with that header acts as the client company; the id is a number Woodpecker assigns.

/** Why `id` cannot go in the x-company-id header, or undefined when it can (or is not set). */
export function describeInvalidCompanyId(id: number | undefined): string | undefined {
	if (id === undefined || (Number.isSafeInteger(id) && id > 0)) return undefined;
	const shown = typeof id === 'number' ? String(id) : `a ${typeof id}`;
	return `A Woodpecker company id is a positive whole number, not ${shown}. Choose the company again from the agency's list.`;
}
