/** Injection tokens for values that are not classes. */
export const SETTINGS = Symbol('SETTINGS');
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export const CASE_DECIDER = Symbol('CASE_DECIDER');
