import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const cached = new WeakSet<Storage>();

/**
 * Keeps what class-validator works out about a class's rules instead of working it out again on
 * every validation. To find a class's inherited rules it tests the class against every class
 * that has rules (`instanceof` over each DTO of the service), for every object validated: a
 * sixth of the CPU of a page of the case list. The rules only change when a decorator runs, as
 * a class is loaded; any rule added after that empties what was kept.
 */
export function cacheValidationRules(storage: Storage = getMetadataStorage()): void {
  if (cached.has(storage)) return;
  cached.add(storage);
  const rulesOf = storage.getTargetValidationMetadatas.bind(storage);
  const groupByProperty = storage.groupByPropertyName.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  let kept = new Map<unknown, Map<string, Rules>>();
  let grouped = new WeakMap<Rules, Grouped>();

  storage.addValidationMetadata = (metadata) => {
    kept = new Map();
    grouped = new WeakMap();
    addRule(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const question = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000')}`;
    let answers = kept.get(target);
    if (!answers) kept.set(target, (answers = new Map()));
    let rules = answers.get(question);
    if (!rules)
      answers.set(question, (rules = rulesOf(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.groupByPropertyName = (rules) => {
    let byProperty = grouped.get(rules);
    if (!byProperty) grouped.set(rules, (byProperty = groupByProperty(rules)));
    return byProperty;
  };
}
