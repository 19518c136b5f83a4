// What every mocha runner here (unit, integration, UI) forbids: a `.only` left in would silently
// skip the rest of the suite, and a pending test (it.skip, or no body) would pass by counting as nothing.
export const STRICT_MOCHA = { forbidOnly: true, forbidPending: true } as const;
