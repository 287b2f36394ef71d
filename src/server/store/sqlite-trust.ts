import type Database from 'better-sqlite3';
import {
  type FactsDbRow,
  factsValues,
  type MisplacedDbRow,
  misplacedValues,
  readingValues,
  TRUST_SQL,
  toFacts,
  toMisplaced,
} from './trust-sql.ts';
import type { TrustQueries } from './trust-types.ts';

// The trust badge's queries on SQLite.

export function createTrustQueries(db: Database.Database): TrustQueries {
  const sql = TRUST_SQL.sqlite;
  const facts = db.prepare(sql.facts);
  const addReading = db.prepare(sql.addReading);
  const misplaced = db.prepare(sql.misplaced);
  const prune = db.prepare(sql.prune);
  return {
    trustFacts: (glns, since) => (facts.all(...factsValues(glns, since)) as FactsDbRow[]).map(toFacts),
    addPlateReading: (row) => addReading.run(...readingValues(row)).changes === 1,
    misplacedPlates: (county, since, minFar) =>
      (misplaced.all(...misplacedValues(county, since, minFar)) as MisplacedDbRow[]).map(toMisplaced),
    prunePlateReadings: (before) => void prune.run(before),
  };
}
