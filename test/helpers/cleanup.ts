/**
 * Root hooks (mocha "root hook plugin", loaded by .mocharc.json `require` and the fuzz and e2e
 * runs): after the whole run, remove every temporary folder the tests made with `tempDir` /
 * `makeTree` (test/helpers/tmp.ts), and fail the run if one could not be removed.
 */
import { removeTempDirs } from './tmp';

export const mochaHooks = {
	afterAll(): void {
		const left = removeTempDirs();
		if (left.length) {
			throw new Error(`temporary folders left behind: ${left.join(', ')}`);
		}
	},
};
