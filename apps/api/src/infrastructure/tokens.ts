/** Injection tokens for values that are not classes. */
export const SETTINGS = Symbol('SETTINGS');
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export const CASE_DECIDER = Symbol('CASE_DECIDER');
export const ACTION_DECIDER = Symbol('ACTION_DECIDER');
export const ESCALATION_DECIDER = Symbol('ESCALATION_DECIDER');
