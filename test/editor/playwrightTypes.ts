// The part of playwright-core's API the editor tests use. playwright-core lives in the
// code-server cache, not in node_modules, so its own .d.ts is not there for `tsc` at
// check-types time; these declarations follow playwright-core 1.65's signatures.

export interface PlaywrightCore {
	chromium: BrowserType;
}

export interface LaunchOptions {
	executablePath: string;
	args?: string[];
	headless?: boolean;
	timeout?: number;
	handleSIGINT?: boolean;
	handleSIGTERM?: boolean;
	handleSIGHUP?: boolean;
}

export interface BrowserType {
	launch(options: LaunchOptions): Promise<Browser>;
	/** A browser whose one context keeps its profile (IndexedDB included) in `userDataDir` on disk. */
	launchPersistentContext(userDataDir: string, options: LaunchOptions & ContextOptions): Promise<BrowserContext>;
}

export interface ContextOptions {
	viewport?: { width: number; height: number } | null;
	permissions?: string[];
}

export interface Browser {
	newContext(options?: ContextOptions): Promise<BrowserContext>;
	/** A page in a new context of its own, closed with the page. */
	newPage(options?: ContextOptions): Promise<Page>;
	close(): Promise<void>;
	isConnected(): boolean;
}

export interface BrowserContext {
	pages(): Page[];
	grantPermissions(permissions: string[], options?: { origin?: string }): Promise<void>;
	newPage(): Promise<Page>;
	close(): Promise<void>;
	setDefaultTimeout(ms: number): void;
}

export type Role = 'button' | 'tab' | 'treeitem' | 'tree' | 'textbox' | 'option' | 'listbox' | 'dialog' | 'link' | 'menuitem' | 'checkbox' | 'heading' | 'toolbar' | 'alert' | 'list' | 'listitem' | 'row' | 'combobox';

export interface RoleOptions {
	name?: string | RegExp;
	exact?: boolean;
	expanded?: boolean;
	selected?: boolean;
	checked?: boolean;
}

export interface TextOptions {
	exact?: boolean;
}

interface Queryable {
	locator(selector: string, options?: { hasText?: string | RegExp; has?: Locator }): Locator;
	getByRole(role: Role, options?: RoleOptions): Locator;
	getByText(text: string | RegExp, options?: TextOptions): Locator;
	getByLabel(text: string | RegExp, options?: TextOptions): Locator;
	getByPlaceholder(text: string | RegExp, options?: TextOptions): Locator;
	frameLocator(selector: string): FrameLocator;
}

export interface Timeout {
	timeout?: number;
}

export type Modifier = 'Alt' | 'Control' | 'ControlOrMeta' | 'Meta' | 'Shift';

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface Locator extends Queryable {
	click(options?: Timeout & { button?: 'left' | 'right' | 'middle'; clickCount?: number; force?: boolean; position?: { x: number; y: number }; modifiers?: Modifier[] }): Promise<void>;
	dblclick(options?: Timeout): Promise<void>;
	hover(options?: Timeout & { force?: boolean }): Promise<void>;
	fill(value: string, options?: Timeout): Promise<void>;
	press(key: string, options?: Timeout): Promise<void>;
	pressSequentially(text: string, options?: Timeout & { delay?: number }): Promise<void>;
	focus(options?: Timeout): Promise<void>;
	waitFor(options?: Timeout & { state?: 'attached' | 'detached' | 'visible' | 'hidden' }): Promise<void>;
	count(): Promise<number>;
	first(): Locator;
	last(): Locator;
	nth(index: number): Locator;
	filter(options: { hasText?: string | RegExp; hasNotText?: string | RegExp; has?: Locator; visible?: boolean }): Locator;
	all(): Promise<Locator[]>;
	isVisible(): Promise<boolean>;
	textContent(options?: Timeout): Promise<string | null>;
	innerText(options?: Timeout): Promise<string>;
	allInnerTexts(): Promise<string[]>;
	inputValue(options?: Timeout): Promise<string>;
	getAttribute(name: string, options?: Timeout): Promise<string | null>;
	screenshot(options?: Timeout & { path?: string }): Promise<Buffer>;
	boundingBox(options?: Timeout): Promise<Box | null>;
	scrollIntoViewIfNeeded(options?: Timeout): Promise<void>;
	/** The function runs in the page, on the element; the tests have no DOM types, so it is typed `unknown`. */
	evaluate<R, A = undefined>(fn: (element: unknown, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
	evaluateAll<R>(fn: (elements: unknown[]) => R | Promise<R>): Promise<R>;
	contentFrame(): FrameLocator;
}

export type FrameLocator = Queryable;

export interface Keyboard {
	press(key: string, options?: { delay?: number }): Promise<void>;
	type(text: string, options?: { delay?: number }): Promise<void>;
	insertText(text: string): Promise<void>;
	down(key: string): Promise<void>;
	up(key: string): Promise<void>;
}

export interface Mouse {
	move(x: number, y: number, options?: { steps?: number }): Promise<void>;
	down(options?: { button?: 'left' | 'right' | 'middle' }): Promise<void>;
	up(options?: { button?: 'left' | 'right' | 'middle' }): Promise<void>;
	click(x: number, y: number, options?: { button?: 'left' | 'right' | 'middle' }): Promise<void>;
}

export interface Dialog {
	type(): string;
	message(): string;
	dismiss(): Promise<void>;
}

export interface ConsoleMessage {
	type(): string;
	text(): string;
}

export interface Page extends Queryable {
	goto(url: string, options?: Timeout & { waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit' }): Promise<unknown>;
	reload(options?: { timeout?: number }): Promise<unknown>;
	exposeFunction(name: string, callback: (...args: never[]) => unknown): Promise<void>;
	/** Runs in every frame before its own scripts; a string is a script's source. */
	addInitScript(script: string | (() => void)): Promise<void>;
	on(event: 'console', listener: (message: ConsoleMessage) => void): Page;
	on(event: 'pageerror', listener: (error: Error) => void): Page;
	on(event: 'close' | 'crash', listener: () => void): Page;
	/** alert/confirm/prompt from the page or any of its frames; unhandled ones are dismissed. */
	on(event: 'dialog', listener: (dialog: Dialog) => void): Page;
	/** A string is evaluated as a page expression (the tests have no DOM types to write page functions with). */
	evaluate<R>(expression: string): Promise<R>;
	evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
	waitForFunction(expression: string, arg?: undefined, options?: Timeout & { polling?: number | 'raf' }): Promise<unknown>;
	waitForTimeout(ms: number): Promise<void>;
	screenshot(options?: Timeout & { path?: string; fullPage?: boolean; clip?: Box }): Promise<Buffer>;
	setViewportSize(size: { width: number; height: number }): Promise<void>;
	bringToFront(): Promise<void>;
	setDefaultTimeout(ms: number): void;
	context(): BrowserContext;
	keyboard: Keyboard;
	mouse: Mouse;
	url(): string;
	close(): Promise<void>;
	isClosed(): boolean;
}
