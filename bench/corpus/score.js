'use strict';
/**
 * Scoring for bench/corpus.js: joins engine records with expected.jsonl by file + record index.
 * status agreement skips rows whose truth status is a Sisimai-internal pseudo code; a file the
 * engine could not read counts as a miss for every row it has.
 */

function newTally() {
  return { statusRows: 0, statusHits: 0, reasonRows: 0, reasonHits: 0 };
}

/**
 * @param {Array} truth rows of expected.jsonl
 * @param {Map<string, {records: Array<{status?: string, reason?: string}>, error?: string}>} results by relative path
 * @param {(rel: string) => string} familyOf
 * @param {boolean} withReason
 */
function score(truth, results, familyOf, withReason) {
  const total = newTally();
  const families = new Map();
  const mismatches = [];
  for (const row of truth) {
    const fam = familyOf(row.file);
    if (!families.has(fam)) families.set(fam, newTally());
    const t = families.get(fam);
    const result = results.get(row.file);
    const rec = result && !result.error ? result.records[row.index - 1] : undefined;
    const got = rec ? rec.status || '' : undefined;
    if (!row.status_pseudo) {
      total.statusRows++;
      t.statusRows++;
      if (got !== undefined && got === (row.status || '')) {
        total.statusHits++;
        t.statusHits++;
      } else {
        mismatches.push({ what: 'status', file: row.file, index: row.index, expected: row.status, got: result?.error ? `error: ${result.error}` : got ?? '(no record)', diagnostic: rec?.diagnostic, mta: result?.mta });
      }
    }
    if (withReason) {
      total.reasonRows++;
      t.reasonRows++;
      if (rec && rec.reason === row.reason) {
        total.reasonHits++;
        t.reasonHits++;
      } else {
        mismatches.push({ what: 'reason', file: row.file, index: row.index, expected: row.reason, got: result?.error ? `error: ${result.error}` : rec?.reason ?? '(no record)', diagnostic: rec?.diagnostic, mta: result?.mta });
      }
    }
  }
  return { total, families, mismatches };
}

function pct(hits, rows) {
  return rows ? `${((100 * hits) / rows).toFixed(1)}%` : 'n/a';
}

module.exports = { score, pct };
