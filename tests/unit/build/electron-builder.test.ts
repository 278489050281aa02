/**
 * The packaging config is checked against electron-builder's own schema (packaging itself cannot
 * run here: it needs the Electron binaries), and for what matters to us: only built output in the
 * package, the fonts once (as renderer assets), the dangerous fuses off, nsis + AppImage targets.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
  files: string[];
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  win: { target: { target: string }[] };
  linux: { target: { target: string }[] };
};

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    const debug = { add: () => undefined, isEnabled: false } as never;
    await expect(validateConfiguration(config as never, debug)).resolves.toBeUndefined();
  });

  it('packages only built output', () => {
    for (const pattern of config.files) {
      expect(pattern === 'package.json' || pattern.startsWith('dist/') || pattern.startsWith('!')).toBe(true);
    }
  });

  it('leaves the sync server’s dependencies out of the desktop package', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const desktopRuntime = new Set(['zod', 'temporal-polyfill']);
    for (const dep of Object.keys(pkg.dependencies).filter((d) => !desktopRuntime.has(d))) {
      const excluded = config.files.includes(`!node_modules/${dep.split('/')[0]}/**`);
      expect(excluded, `${dep} should be excluded from the desktop package`).toBe(true);
    }
  });

  it('ships the fonts once: as renderer assets, not again as extra resources', () => {
    expect(config.extraResources ?? []).not.toContainEqual(expect.objectContaining({ to: 'fonts' }));
    const fonts = readFileSync('renderer/src/documents/fonts.ts', 'utf8');
    for (const face of ['NotoSansSC_400Regular', 'NotoSansSC_700Bold', 'NotoSerifSC_400Regular', 'NotoSerifSC_700Bold']) {
      expect(fonts).toContain(`${face}.ttf?url`);
    }
  });

  it('turns off RunAsNode, NODE_OPTIONS and inspect', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds a Windows installer (nsis) and a Linux AppImage', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage']);
  });

  it('points at the compiled main process', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/electron/main.js');
  });
});
