// When something happened, as the view and the Raw JSON panel say it.

/** "14:03" on the same calendar day as `now`, otherwise "26 Nov, 14:03", in the user's locale. */
export function formatTime(d: Date, now: Date = new Date()): string {
	const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
	return sameDay ? d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }) : d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
}
