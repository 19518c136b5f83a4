// What a batch uuid looks like, checked before anything is sent. Pure, unit-tested.
import * as l10n from '@vscode/l10n';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why `text` is not a batch uuid, or undefined when it is one (surrounding spaces allowed). */
export function describeInvalidUuid(text: string): string | undefined {
	const t = text.trim();
	if (!t) return l10n.t('Type or paste a batch uuid.');
	return UUID.test(t) ? undefined : l10n.t('A batch uuid has 32 hex digits in groups of 8-4-4-4-12, like e345310f-cfa7-42e3-b2fc-d888a332a899.');
}
