/**
 * Repository write throughput: each create is a transaction writing the record, its outbox
 * operation and its audit entry. Baseline in the same run: a bare `put` of the same records
 * (what a write would cost without the outbox and audit guarantees).
 * Runs on fake-indexeddb (Node); Chromium's IndexedDB is faster, so these are upper bounds.
 */
import 'fake-indexeddb/auto';
import { DeskDatabase } from '../../renderer/src/db/database';
import { Repository } from '../../renderer/src/db/repository';
import { newId } from '../../renderer/src/db/ids';

const N = Number(process.env.BENCH_N ?? 2000);
const ctx = { userId: 'bench', deviceId: 'bench-device' };

function personInput(i: number) {
  return { name: `测试${i}`, idNumber: '110105194910010015', birthDate: '1949-10-01', sex: 'male' as const };
}

async function main() {
  const db = new DeskDatabase(`bench-${Date.now()}`);
  await db.open();
  const people = new Repository(db, 'people');

  let started = performance.now();
  for (let i = 0; i < N; i++) {
    const at = new Date().toISOString();
    await db.people.put({ ...personInput(i), id: newId(), createdAt: at, createdBy: 'bench', updatedAt: at, updatedBy: 'bench' });
  }
  const baselineMs = Math.round(performance.now() - started);
  console.log(JSON.stringify({ bench: 'db-bare-put', n: N, ms: baselineMs }));

  started = performance.now();
  for (let i = 0; i < N; i++) await people.create(personInput(i), ctx);
  const ms = Math.round(performance.now() - started);
  console.log(JSON.stringify({ bench: 'db-repository-create', n: N, ms, perWriteMs: +(ms / N).toFixed(3), vsBareput: +(ms / Math.max(1, baselineMs)).toFixed(2) }));

  db.close();
  await db.delete();
}

void main();
