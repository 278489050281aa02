/**
 * The rulebooks' text, for tests that hold the packs to their seeds' own words. The seeds are in
 * the repository (docs/rulebooks, files `NNN_<hash>.txt`); SEEDS_DIR overrides. They are always
 * there, so the seed-text tests always run: a checkout without them fails (see packs.test.ts)
 * rather than skipping the promise that every number cites its seed's words.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

function findSeedsDir(): string | null {
  const candidates = [process.env.SEEDS_DIR, resolve(here, '../../../docs/rulebooks')];
  for (const dir of candidates) {
    if (dir && existsSync(dir) && readdirSync(dir).some((f) => /^\d{3}_.*\.txt$/.test(f))) return dir;
  }
  return null;
}

export const SEEDS_DIR = findSeedsDir();

/** Seed id → raw text, for the seeds that are present. */
export const seedTexts: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  if (SEEDS_DIR === null) return map;
  for (const file of readdirSync(SEEDS_DIR)) {
    const m = /^(\d{3})_.*\.txt$/.exec(file);
    if (m?.[1]) map.set(m[1], readFileSync(join(SEEDS_DIR, file), 'utf8'));
  }
  return map;
})();

/** Whitespace carries no meaning in the seeds (line wraps from PDF extraction split words). */
export const squash = (text: string): string => text.replace(/\s+/g, '');
