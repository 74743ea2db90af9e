import { createRequire } from 'node:module';

export type YamlLibrary = typeof import('yaml');
let library: YamlLibrary | undefined;

/**
 * The `yaml` library, loaded on first use. Most templates never need it (the direct reader in
 * yaml-fast.ts takes them), and loading its ~280 KB of code costs every start of a pre-commit hook.
 */
export function yamlLibrary(): YamlLibrary {
  return (library ??= createRequire(import.meta.url)('yaml') as YamlLibrary);
}
