import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { identifiers, watchlist } from '@/lib/db/schema';
import { isConstant, notAmongConstants } from './constant';

const render = (fragment: Parameters<PgDialect['sqlToQuery']>[0]) => new PgDialect().sqlToQuery(fragment);

describe('constants written into the statement', () => {
  it('puts strings and booleans in the text, with no bind parameter', () => {
    expect(render(isConstant(watchlist.list, 'block'))).toEqual({ sql: `"watchlist"."list" = 'block'`, params: [] });
    expect(render(isConstant(watchlist.falsePositive, false))).toEqual({ sql: `"watchlist"."false_positive" = false`, params: [] });
    expect(render(notAmongConstants(identifiers.kind, ['name', 'ip']))).toEqual({ sql: `"identifiers"."kind" not in ('name', 'ip')`, params: [] });
    // No values excludes nothing (as drizzle's notInArray), rather than the invalid `not in ()`.
    expect(render(notAmongConstants(identifiers.kind, []))).toEqual({ sql: 'true', params: [] });
  });

  it('doubles a quote, so a constant can never end the literal', () => {
    expect(render(isConstant(watchlist.source, "o'clock")).sql).toBe(`"watchlist"."source" = 'o''clock'`);
  });
});
