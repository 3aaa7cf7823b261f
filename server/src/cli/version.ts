/** The version the CLI reports (`--version`, SARIF's tool.driver.version). */
export const VERSION = '0.1.0';
