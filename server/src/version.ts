/**
 * The version of Copydesk, from package.json alone: the CLI's `--version`, SARIF's tool.driver.version and
 * the language server's serverInfo read it here. esbuild bundles only this field of the JSON file.
 */
import { version } from '../../package.json';

export const VERSION: string = version;
