/**
 * The layering rules bite: each fixture is linted as if it lived at the given path, through the
 * project's real ESLint config.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

/** A fixture: what it shows, the path it is linted at, its code. */
type Fixture = readonly [label: string, filePath: string, code: string];

/** One test per fixture: linted at its path, it is refused by `rule`. */
function refusedBy(rule: string, title: string, fixtures: readonly Fixture[]): void {
  it.each(fixtures)(title, async (_label, filePath, code) => {
    expect(await ruleIds(filePath, code)).toContain(rule);
  });
}

/** One test per fixture: linted at its path, no rule objects. */
function allowed(title: string, fixtures: readonly Fixture[]): void {
  it.each(fixtures)(title, async (_label, filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([]);
  });
}

describe('layering lint', () => {
  refusedBy('no-restricted-imports', 'refuses %s', [
    ['shared/ importing dexie', 'shared/rules/__fixture__.ts', "import { Dexie } from 'dexie';\nexport const x = Dexie;\n"],
    ['shared/ importing react', 'shared/model/__fixture__.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['shared/ importing electron', 'shared/ipc/__fixture__.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['shared/ importing node:fs', 'shared/rules/__fixture__.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/ importing fs', 'shared/rules/__fixture__.ts', "import fs from 'fs';\nexport const x = fs;\n"],
    ['shared/ importing the renderer', 'shared/rules/__fixture__.ts', "import { db } from '../../renderer/src/db';\nexport const x = db;\n"],
    ['renderer/ importing electron/', 'renderer/src/__fixture__.ts', "import { handle } from '../../electron/ipc';\nexport const x = handle;\n"],
    ['renderer/ importing the electron module', 'renderer/src/__fixture__.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/ importing server/', 'renderer/src/__fixture__.ts', "import * as s from '../../server/main';\nexport const x = s;\n"],
    ['electron/ importing renderer/', 'electron/__fixture__.ts', "import { db } from '../renderer/src/db';\nexport const x = db;\n"],
    ['server/ importing electron/', 'server/__fixture__.ts', "import { handle } from '../electron/ipc';\nexport const x = handle;\n"],
    ['server/ importing renderer/', 'server/__fixture__.ts', "import { db } from '../renderer/src/db';\nexport const x = db;\n"],
  ]);

  it.each([
    ['window', 'export const w = window.innerWidth;\n'],
    ['document', "export const d = document.title;\n"],
    ['indexedDB', "export const i = indexedDB.open('x');\n"],
    ['fetch', "export const f = fetch('https://example.org');\n"],
    ['localStorage', "export const l = localStorage.getItem('x');\n"],
    ['process', 'export const p = process.env.HOME;\n'],
  ])('refuses the DOM/host global %s in shared/', async (_label, code) => {
    expect(await ruleIds('shared/rules/__fixture__.ts', code)).toContain('no-restricted-globals');
  });

  allowed('allows %s', [
    ['shared/ importing zod and shared/', 'shared/rules/__fixture__.ts', "import { z } from 'zod';\nimport { ok } from './result';\nexport const x = [z, ok];\n"],
    ['renderer/ importing shared/', 'renderer/src/__fixture__.ts', "import { ok } from '../../shared/rules/result';\nexport const x = ok;\n"],
    ['electron/ importing shared/', 'electron/__fixture__.ts', "import { channelOf } from '../shared/ipc/contract';\nexport const x = channelOf;\n"],
    ['server/ importing shared/', 'server/__fixture__.ts', "import { ok } from '../shared/rules/result';\nexport const x = ok;\n"],
  ]);

  refusedBy('no-restricted-imports', 'the renderer’s import patterns refuse %s', [
    ['a feature importing another feature’s screen', 'renderer/src/features/certificates/__fixture__.ts', "import { WorkflowTab } from '../workflow/WorkflowTab';\nexport const x = WorkflowTab;\n"],
    ['a feature importing a page', 'renderer/src/features/audit/__fixture__.ts', "import { ApplicationPage } from '../../pages/ApplicationPage';\nexport const x = ApplicationPage;\n"],
    ['a feature importing the app shell', 'renderer/src/features/audit/__fixture__.ts', "import { AppLayout } from '../../layout/AppLayout';\nexport const x = AppLayout;\n"],
    ['the database importing a feature', 'renderer/src/db/__fixture__.ts', "import { fireTransition } from '../features/workflow/fire';\nexport const x = fireTransition;\n"],
    ['a widget importing a feature’s screen', 'renderer/src/components/__fixture__.ts', "import { AuditPage } from '../features/audit/AuditPage';\nexport const x = AuditPage;\n"],
  ]);

  allowed('the renderer’s import patterns allow %s', [
    ['a feature using another feature’s commands', 'renderer/src/features/certificates/__fixture__.ts', "import { fireTransition } from '../workflow/fire';\nexport const x = fireTransition;\n"],
    ['a page composing features', 'renderer/src/pages/__fixture__.ts', "import { WorkflowTab } from '../features/workflow/WorkflowTab';\nexport const x = WorkflowTab;\n"],
    ['infrastructure naming a feature’s type', 'renderer/src/documents/__fixture__.ts', "import type { ApplicationFile } from '../features/applications/file';\nexport type X = ApplicationFile;\n"],
  ]);

  it.each([
    ['renderer/src/features/rosters/__fixture__.ts', "export const p = 'zj-it-senior';\n"],
    ['renderer/src/features/rosters/__fixture__.ts', 'export const p = `rk-registration`;\n'],
    ['electron/__fixture__.ts', "export const p = 'iets';\n"],
    ['server/__fixture__.ts', "export const p = 'xj-isi-pm';\n"],
    ['shared/documents/__fixture__.ts', "export const p = 'xj-si-annual';\n"],
  ])('only packs know a program: a program id in %s is refused', async (filePath, code) => {
    expect(await ruleIds(filePath, code)).toContain('no-restricted-syntax');
  });

  it('a pack may name its program', async () => {
    expect(await ruleIds('shared/programs/__fixture__.ts', "export const p = 'zj-it-senior';\n")).toEqual([]);
  });
});
