import type Database from 'better-sqlite3';
import { SQLITE } from './desk-sql.ts';
import {
  type CountSqlRow,
  countsSql,
  decideSql,
  type ItemSqlRow,
  itemsSql,
  type ReplySqlRow,
  repliesSql,
  toCount,
  toItem,
  toReply,
  toWords,
  type WordsSqlRow,
  wordsQueueParams,
  wordsQueueSql,
  wordsSql,
} from './outcomes-sql.ts';
import type { OutcomeQueries } from './outcomes-types.ts';

// Public outcomes and the moderation of reporters' words on SQLite.

export function createOutcomeQueries(db: Database.Database): OutcomeQueries {
  const counts = db.prepare<[string, string], CountSqlRow>(countsSql(SQLITE));
  const items = db.prepare<[string, string, number], ItemSqlRow>(itemsSql(SQLITE));
  const one = db.prepare<[string], WordsSqlRow>(wordsSql(SQLITE));
  const decide = db.prepare(decideSql(SQLITE));
  return {
    outcomeCounts: (gln, since) => counts.all(gln, since).map(toCount),
    outcomeItems: (gln, since, limit) => items.all(gln, since, limit).map(toItem),
    unionReplies: (ids) =>
      ids.length === 0
        ? []
        : db
            .prepare<string[], ReplySqlRow>(repliesSql(SQLITE, ids.length))
            .all(...ids)
            .map(toReply),
    wordsQueue: (agencyId, state, limit) =>
      db
        .prepare<unknown[], WordsSqlRow>(wordsQueueSql(SQLITE, state))
        .all(...wordsQueueParams(agencyId, state, limit))
        .map(toWords),
    words: (id) => {
      const row = one.get(id);
      return row ? toWords(row) : undefined;
    },
    decideWords(id, d) {
      decide.run(id, d.state, d.reason, d.at, d.staffId, d.staffName);
    },
  };
}
