/**
 * The `yaml` library, loaded on first use. Most runs never parse YAML: format files come from the
 * parse cache (pipeline/yaml-cache.ts), and importing the library costs 20-30 ms in every process
 * and every worker thread.
 */
import { createRequire } from 'node:module';

type YamlLib = typeof import('yaml');

let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  return (lib ??= createRequire(import.meta.url)('yaml') as YamlLib);
}
