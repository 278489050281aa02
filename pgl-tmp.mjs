import { PGlite } from '@electric-sql/pglite';
const t=performance.now();
const db = new PGlite();
await db.waitReady;
console.log('ready ms', performance.now()-t);
const r = await db.query("select 1::int8 as a, now() as b, '\\x01'::bytea as c, pg_advisory_xact_lock(1) as l");
console.log(r);
