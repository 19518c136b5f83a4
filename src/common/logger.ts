import * as vscode from 'vscode';

/** The "Woodpecker" log channel; masks the API key should it ever reach a line. */
export class Logger implements vscode.Disposable {
	private readonly channel: vscode.LogOutputChannel;
	private secret: string | undefined;

	constructor(name = 'Woodpecker') {
		this.channel = vscode.window.createOutputChannel(name, { log: true });
	}

	/** The current key, so any line that contains it is masked. */
	setSecret(secret: string | undefined): void {
		this.secret = secret?.trim() || undefined;
	}

	info(message: string): void {
		this.channel.info(this.mask(message));
	}

	warn(message: string): void {
		this.channel.warn(this.mask(message));
	}

	error(message: string): void {
		this.channel.error(this.mask(message));
	}

	show(): void {
		this.channel.show(true);
	}

	dispose(): void {
		this.channel.dispose();
	}

	private mask(message: string): string {
		return this.secret ? message.split(this.secret).join('********') : message;
	}
}
