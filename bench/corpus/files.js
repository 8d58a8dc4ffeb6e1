'use strict';
/**
 * Corpus helpers for bench/corpus.js: list the message files, load the truth, name the family.
 * File names are used only to join rows with the truth and to group misses in the report — never as
 * input to the engine.
 */
const fs = require('fs');
const path = require('path');

/** Metadata that sits next to the messages and is not a message. */
const NOT_MESSAGES = /(?:^|\/)(?:README[^/]*|LICENSE[^/]*|[^/]*\.jsonl|[^/]*\.tsv|[^/]*\.md)$/i;

function listMessages(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !NOT_MESSAGES.test(path.relative(root, full))) out.push(full);
    }
  };
  walk(root);
  return out;
}

function loadJsonl(file) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** "maildir/bsd/lhost-postfix-02.eml" → "lhost-postfix"; for the per-family report only. */
function familyOf(rel) {
  const base = path.basename(rel).replace(/\.eml$/, '');
  const m = /^((?:lhost|rhost)-[a-z0-9]+|rfc\d+|arf|make-test|is-not-bounce|mbox|size)/i.exec(base);
  return m ? m[1].toLowerCase() : base;
}

module.exports = { listMessages, loadJsonl, familyOf };
