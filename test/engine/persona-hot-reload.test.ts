import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersonaStore } from '../../simulators/engine/persona-store.ts';
import { FIXTURE_DIR } from './support.ts';

const NEW_PERSONA = {
  id: 'single-sidorova',
  description: 'Added while the simulator runs.',
  members: [{ key: 'applicant', role: 'applicant', person: { snils: '111-111-111 45', name: { family: 'Сидорова', first: 'Анна' }, birthDate: '1990-01-01', gender: 'female' } }],
};

describe('PersonaStore hot reload', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    while (cleanups.length > 0) cleanups.pop()?.();
  });

  function watchedStore(): { store: PersonaStore; dir: string } {
    const dir = mkdtempSync(join(tmpdir(), 'personas-'));
    copyFileSync(join(FIXTURE_DIR, 'family-petrova.json'), join(dir, 'family-petrova.json'));
    const store = new PersonaStore({ directory: dir, watch: true, debounceMs: 30 });
    cleanups.push(() => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    return { store, dir };
  }

  it('loads a persona file written into the watched directory', async () => {
    const { store, dir } = watchedStore();
    expect(store.personas.map((p) => p.id)).toEqual(['family-petrova']);
    writeFileSync(join(dir, 'sidorova.json'), JSON.stringify(NEW_PERSONA));
    await vi.waitFor(() => expect(store.personas.map((p) => p.id)).toEqual(['family-petrova', 'single-sidorova']), { timeout: 5000 });
  });

  it('keeps the last good set and exposes the error when a broken file appears', async () => {
    const { store, dir } = watchedStore();
    writeFileSync(join(dir, 'broken.json'), '{ "id": "half-written", ');
    await vi.waitFor(() => expect(store.status().lastIssues).not.toHaveLength(0), { timeout: 5000 });
    expect(store.status().lastIssues[0]).toMatchObject({ file: 'broken.json', path: '(root)' });
    expect(store.status().lastIssues[0]?.message).toMatch(/^not valid JSON/);
    expect(store.personas.map((p) => p.id)).toEqual(['family-petrova']);
  });

  it('names the file and the JSON path of a schema problem', async () => {
    const { store, dir } = watchedStore();
    const bad = { ...NEW_PERSONA, members: [{ ...NEW_PERSONA.members[0], person: { ...NEW_PERSONA.members[0]?.person, snils: '11111111145' } }] };
    writeFileSync(join(dir, 'bad-snils.json'), JSON.stringify(bad));
    await vi.waitFor(() => expect(store.status().lastIssues).not.toHaveLength(0), { timeout: 5000 });
    expect(store.status().lastIssues).toEqual([{ file: 'bad-snils.json', path: 'members[0].person.snils', message: 'expected SNILS as NNN-NNN-NNN NN' }]);
  });

  it('stops reloading after close', async () => {
    const { store, dir } = watchedStore();
    store.close();
    writeFileSync(join(dir, 'sidorova.json'), JSON.stringify(NEW_PERSONA));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(store.personas.map((p) => p.id)).toEqual(['family-petrova']);
    expect(store.status().watching).toBe(false);
  });
});
