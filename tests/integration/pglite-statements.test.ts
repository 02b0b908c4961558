// PGlite queries as named prepared statements (lib/db/pglite-statements.ts): the same rows as
// PGlite's own query, one statement per text, errors that leave the client usable,
// transactions that keep their queries in and others out, and a bounded number of statements.
// PGlite only: the PostgreSQL driver has no such layer.
import { messages, PGlite, type Results } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withGenericPlans } from '@/lib/db/generic-plans';
import { withPreparedStatements, type PgliteQueryClient } from '@/lib/db/pglite-statements';
import { testDbKind } from './test-db';

describe.skipIf(testDbKind() !== 'pglite')('PGlite prepared statements', () => {
  let pg: PGlite;
  let client: PgliteQueryClient;

  beforeAll(async () => {
    pg = await PGlite.create();
    client = withPreparedStatements(pg);
    await pg.exec(`
      create table sample (id serial primary key, at timestamptz not null, doc jsonb, tags text[], amount numeric(10, 2), note text);
      insert into sample (at, doc, tags, amount, note) values
        ('2026-03-02T10:11:12.345Z', '{"a": [1, 2]}', '{x,y}', 12.50, null),
        ('2026-03-03T00:00:00Z', null, '{}', 0, 'second');`);
  });

  afterAll(async () => {
    await pg.close();
  });

  const named = async () => (await pg.query<{ name: string }>(`select name from pg_prepared_statements where name like 'hw\\_%'`)).rows.map((r) => r.name);
  const strip = <T>(result: Results<T>) => ({ rows: result.rows, fields: result.fields, affectedRows: result.affectedRows });

  it('gives what PGlite.query gives, in object and array row modes, with parameters of every kind', async () => {
    const text = 'select id, at, doc, tags, amount, note, $1::uuid as ref, $2::int as n, $3::text as t from sample where at >= $4 order by id';
    const params = ['4a0e5a2c-5d8f-4b8e-9a53-6f2f3c1a9b10', 7, null, new Date('2026-01-01T00:00:00Z')];
    expect(strip(await client.query(text, params))).toEqual(strip(await pg.query(text, params)));
    expect(strip(await client.query(text, params, { rowMode: 'array' }))).toEqual(strip(await pg.query(text, params, { rowMode: 'array' })));
    // A query's own parsers win over the database's for their types (drizzle sends some with every query).
    const parsers = { 1184: (value: string) => `at ${value}`, 23: (value: string) => Number(value) * 10 };
    expect(strip(await client.query(text, params, { rowMode: 'array', parsers }))).toEqual(strip(await pg.query(text, params, { rowMode: 'array', parsers })));
    const update = await client.query(`update sample set note = $1 where id = $2`, ['changed', 2]);
    expect(update.affectedRows).toBe(1);
  });

  it('reads an answer of many chunks, non-ASCII text and nulls as PGlite.query does', async () => {
    // 20,000 rows come from PostgreSQL in many writes; the text is 1 to 4 bytes a character.
    const text = `select g, case when g % 7 = 0 then null else 'Pak Jihoon 박지훈 Ğ 🙂 ' || g end as name, (g % 3 = 0) as flag, g * 1.5 as half from generate_series(1, $1::int) g`;
    const ours = await client.query(text, [20_000]);
    expect(ours.rows).toHaveLength(20_000);
    expect(strip(ours)).toEqual(strip(await pg.query(text, [20_000])));
  });

  it('reports a database error with every field PGlite gives it', async () => {
    await pg.exec(`create table unique_sample (code text constraint unique_sample_code unique)`);
    const insert = `insert into unique_sample (code) values ($1)`;
    await client.query(insert, ['HW-1']);
    const ours = await client.query(insert, ['HW-1']).catch((error: unknown) => error);
    const theirs = await pg.query(insert, ['HW-1']).catch((error: unknown) => error);
    expect(ours).toBeInstanceOf(messages.DatabaseError);
    const fields = (error: unknown) => {
      const e = error as messages.DatabaseError;
      const { message, length, name, severity, code, detail, hint, position, internalPosition, internalQuery, where, schema, table, column, dataType, constraint, file, line, routine } = e;
      return { message, length, name, severity, code, detail, hint, position, internalPosition, internalQuery, where, schema, table, column, dataType, constraint, file, line, routine };
    };
    expect(fields(ours)).toEqual(fields(theirs));
    expect(fields(ours)).toMatchObject({ code: '23505', constraint: 'unique_sample_code', detail: 'Key (code)=(HW-1) already exists.' });
  });

  it('prepares each text once and reuses it', async () => {
    const before = (await named()).length;
    for (let i = 0; i < 5; i++) await client.query('select $1::int + 1 as n', [i]);
    expect((await client.query<{ n: number }>('select $1::int + 1 as n', [41])).rows).toEqual([{ n: 42 }]);
    expect((await named()).length).toBe(before + 1);
  });

  it('reports a failed query with its text and stays usable', async () => {
    const failed = await client.query('select $1::int', ['not a number']).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: '22P02', query: 'select $1::int', params: ['not a number'] });
    await expect(client.query('select from nowhere_at_all')).rejects.toMatchObject({ code: '42P01' });
    expect((await client.query<{ n: number }>('select $1::int as n', [3])).rows).toEqual([{ n: 3 }]);
  });

  it('runs a transaction\'s queries in it: a rollback undoes them, and an error aborts it', async () => {
    await expect(
      client.transaction(async (tx) => {
        await tx.query('insert into sample (at, note) values ($1, $2)', [new Date(), 'rolled back']);
        expect((await tx.query('select 1 from sample where note = $1', ['rolled back'])).rows).toHaveLength(1);
        await tx.query('select $1::int', ['boom']);
      }),
    ).rejects.toMatchObject({ code: '22P02' });
    expect((await client.query('select 1 from sample where note = $1', ['rolled back'])).rows).toHaveLength(0);
    await client.transaction(async (tx) => {
      await tx.query('insert into sample (at, note) values ($1, $2)', [new Date(), 'committed']);
    });
    expect((await client.query('select 1 from sample where note = $1', ['committed'])).rows).toHaveLength(1);
  });

  it('keeps a query made outside a transaction out of it, until it ends', async () => {
    const seen: string[] = [];
    let outside: Promise<void> | undefined;
    await client.transaction(async (tx) => {
      await tx.query('insert into sample (at, note) values ($1, $2)', [new Date(), 'in flight']);
      seen.push('inserted');
      // Asked while the transaction is open: it must wait, and never see the row.
      outside = client.query('select 1 from sample where note = $1', ['in flight']).then((result) => {
        seen.push(`outside saw ${result.rows.length}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.query(`delete from sample where note = 'in flight'`);
      seen.push('deleted');
    });
    await outside;
    expect(seen).toEqual(['inserted', 'deleted', 'outside saw 0']);
  });

  it('keeps at most 400 statements, closing the least recently used', async () => {
    for (let i = 0; i < 450; i++) await client.query(`select $1::int + ${i} as n`, [1]);
    await client.query('select 1');
    const names = await named();
    expect(names.length).toBeLessThanOrEqual(401);
    expect(names.length).toBeGreaterThan(300);
  });

  it('runs a text with more than 100 parameters unnamed', async () => {
    const before = await named();
    const values = Array.from({ length: 150 }, (_, i) => i);
    const result = await client.query<{ n: number }>(`select count(*)::int as n from unnest(array[${values.map((_, i) => `$${i + 1}::int`).join(', ')}])`, values);
    expect(result.rows).toEqual([{ n: 150 }]);
    expect(await named()).toEqual(before);
  });

  describe('withGenericPlans', () => {
    const mode = async (query: PgliteQueryClient['query'] = client.query) => (await query<{ mode: string }>(`select current_setting('plan_cache_mode') as mode, $1::int as n`, [1])).rows[0].mode;
    /** How often the kept statement for `text` ran on its generic plan and on plans made for its values. */
    const plans = async (text: string) =>
      (await pg.query<{ generic: number; custom: number }>(`select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement = $1`, [text])).rows[0];

    it('runs the statements inside it on their generic plan, and others as before', async () => {
      const text = 'select id from sample where id = $1::int';
      for (let i = 0; i < 3; i++) expect((await withGenericPlans(() => client.query(text, [1]))).rows).toEqual([{ id: 1 }]);
      expect(await plans(text)).toEqual({ generic: 3, custom: 0 });
      expect(await withGenericPlans(() => mode())).toBe('force_generic_plan');
      // Outside the scope: PostgreSQL's default choice, which plans the first five runs for their values.
      expect(await mode()).toBe('auto');
      await client.query(text, [2]);
      expect((await plans(text)).custom).toBe(1);
    });

    it('sets the mode back in a transaction, for the statements after it', async () => {
      await client.transaction(async (tx) => {
        expect(await withGenericPlans(() => mode(tx.query))).toBe('force_generic_plan');
        expect(await mode(tx.query)).toBe('auto');
      });
    });

    it('leaves no forced mode behind when the statement inside it fails', async () => {
      await expect(withGenericPlans(() => client.query('select $1::int', ['not a number']))).rejects.toMatchObject({ code: '22P02' });
      expect(await mode()).toBe('auto');
      await expect(
        client.transaction(async (tx) => {
          await withGenericPlans(() => tx.query('select $1::int', ['boom']));
        }),
      ).rejects.toMatchObject({ code: '22P02' });
      expect(await mode()).toBe('auto');
    });
  });
});
