export * from './principal';
export * from './local-signing-key';
export * from './tokens';
export * from './recently-verified';
