#!/usr/bin/env node
// Prints the gzip size of the task pane's initial JavaScript (every script the built taskpane.html loads from
// our origin) and fails above the budget. Office.js from the CDN is not ours and not counted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = path.resolve(process.argv[2] ?? 'dist');
const html = readFileSync(path.join(dist, 'taskpane.html'), 'utf8');

// Script tags with a local src, quoted or not (the minifier drops quotes), skipping https:// ones:
// <script defer src="taskpane.1a2b.js"> → taskpane.1a2b.js; <script defer src=taskpane.1a2b.js> → taskpane.1a2b.js;
// <script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js> → skipped.
const localScripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>"]+))/g)]
  .map((m) => m[1] ?? m[2] ?? '')
  .filter((src) => !/^https?:/.test(src));
if (localScripts.length === 0) {
  console.error('构建产物 taskpane.html 中没有找到本地脚本 / no local script found in dist/taskpane.html');
  process.exit(1);
}
let total = 0;
for (const src of localScripts) {
  const bytes = readFileSync(path.join(dist, src));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`  ${src}: ${(bytes.length / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB`);
}
const kb = total / 1024;
console.log(
  `任务窗格初始 JavaScript（gzip）/ task pane initial JavaScript (gzip): ${kb.toFixed(1)} KB (budget ${BUDGET_KB} KB)`,
);
if (kb > BUDGET_KB) {
  console.error(`超出预算 / over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
