import { describe, expect, it } from 'vitest';
import '#flows/registerFlows.ts';
import { flowType, flowTypes } from '#flows/flowRegistry.ts';
import { flowTypesWithDefinitions, phasesOf } from '#flows/stateMachineFiles.ts';

describe('flow registry', () => {
  it('knows every flow type a state-machine file defines, with a handler for each of its phases', () => {
    // Prepare: flows are created from the state-machine files alone (the orchestrator does not
    // consult the registry), so the phase function must have registered every one of them.
    const defined = flowTypesWithDefinitions();
    // Act
    const registered = flowTypes();
    // Assess
    expect([...registered].sort()).toEqual([...defined].sort());
    for (const name of defined)
      for (const phase of phasesOf(name)) expect(typeof flowType(name).phases[phase], phase).toBe('function');
  });
});
