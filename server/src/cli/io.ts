/** What the CLI reads and writes through: the working folder, the output streams, standard input, the environment. */
export interface Io {
	cwd: string;
	stdout: (s: string) => void;
	stderr: (s: string) => void;
	readStdin: () => string;
	env: Record<string, string | undefined>;
	/** Replaces a file's bytes (default: writeFileAtomic); tests inject failures here. */
	writeFile?: (file: string, data: Uint8Array) => void;
}
