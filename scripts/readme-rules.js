// Rewrites the rule list in README.md from the rules' metadata (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../dist/rules/index.js';
import { renderRuleList, RULE_LIST_BEGIN, RULE_LIST_END } from '../dist/src/report/rule-list.js';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const start = readme.indexOf(RULE_LIST_BEGIN);
const end = readme.indexOf(RULE_LIST_END);
if (start === -1 || end === -1) throw new Error('README.md has no rule list markers');
writeFileSync(path, readme.slice(0, start) + renderRuleList(RULES) + readme.slice(end + RULE_LIST_END.length));
console.log(`README.md: ${RULES.length} rules listed`);
