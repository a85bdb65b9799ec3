/** The pure decision core: one rules module per measure, the application shape, decisions and traces. */
import type { ParameterSet } from '../parameters/index.ts';
import type { Application, ApplicationFacts, DecisionContext } from './application.ts';
import { decide as decideBirthGift } from './birth-gift.ts';
import { decide as decideChildrenThreeToSeven } from './children-3-to-7.ts';
import type { Decision } from './decision.ts';
import { decide as decideDisabledChild } from './disabled-child-allowance.ts';
import { decide as decideSurvivor } from './survivor-allowance.ts';
import { decide as decideUtility } from './utility-compensation.ts';

export * from './application.ts';
export * from './decision.ts';
export * from './trace.ts';
export { renderTrace } from './render-trace.ts';

/** Routes an application to its measure's rules; `parameters` should be `parametersOn(application.applicationDate)`. */
export function decideApplication(application: Application, facts: ApplicationFacts, parameters: ParameterSet, context: DecisionContext = {}): Decision {
  switch (application.measure) {
    case 'survivor-allowance':
      return decideSurvivor(application, facts, parameters, context);
    case 'disabled-child-allowance':
      return decideDisabledChild(application, facts, parameters, context);
    case 'utility-compensation':
      return decideUtility(application, facts, parameters, context);
    case 'birth-gift':
      return decideBirthGift(application, facts, parameters, context);
    case 'children-3-to-7':
      return decideChildrenThreeToSeven(application, facts, parameters, context);
  }
}
