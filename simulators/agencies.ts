/**
 * The six mock agencies. Adding a seventh: copy a sibling folder, then add one line here.
 * The civil registry needs the live persona set (a deceased parent is often nobody's household member), so the
 * list is built for an engine rather than exported as constants.
 */
import type { SimulatorEngine } from './engine/index.ts';
import type { AgencySimulator } from './runtime/agency-simulator.ts';
import { fnsSimulator } from './fns/index.ts';
import { friSimulator } from './fri/index.ts';
import { gisZhkhSimulator } from './gis-zhkh/index.ts';
import { mvdSimulator } from './mvd/index.ts';
import { sfrSimulator } from './sfr/index.ts';
import { createZagsSimulator } from './zags/index.ts';

export function createAgencySimulators(engine: Pick<SimulatorEngine, 'personas'>): readonly AgencySimulator[] {
  return Object.freeze([
    sfrSimulator,
    fnsSimulator,
    friSimulator,
    gisZhkhSimulator,
    createZagsSimulator({ personas: () => engine.personas.personas }),
    mvdSimulator,
  ]);
}
