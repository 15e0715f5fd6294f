/**
 * A command broke a business rule. Nothing was appended. `rule` is the rule's name as a
 * sentence in kebab-case (e.g. `no-decision-before-referral`), shown to the client.
 */
export class DomainRuleViolated extends Error {
  readonly code = 'DOMAIN_RULE_VIOLATED';
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainRuleViolated';
  }
}
