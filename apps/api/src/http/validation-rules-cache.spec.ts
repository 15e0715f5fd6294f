import { getMetadataStorage, IsInt, IsString, registerDecorator, validate } from 'class-validator';
import { cacheValidationRules } from './validation-rules-cache';

class Named {
  @IsString()
  name!: unknown;
}

class Counted extends Named {
  @IsInt()
  count!: unknown;
}

const failing = (errors: { property: string }[]) => errors.map((e) => e.property).sort();

describe('cacheValidationRules', () => {
  const storage = getMetadataStorage();
  beforeAll(() => cacheValidationRules(storage));

  it('validates with the inherited rules as class-validator does', async () => {
    expect(failing(await validate(Object.assign(new Counted(), { name: 1, count: 'x' })))).toEqual([
      'count',
      'name',
    ]);
    expect(failing(await validate(Object.assign(new Counted(), { name: 'a', count: 1 })))).toEqual(
      [],
    );
    expect(failing(await validate(Object.assign(new Named(), { name: 1, count: 'x' })))).toEqual([
      'name',
    ]);
  });

  it("works out a class's rules once, not on every validation", async () => {
    // class-validator walks every class with rules to find a class's ancestors.
    const walk = jest.spyOn(
      (storage as unknown as { validationMetadatas: Map<unknown, unknown> }).validationMetadatas,
      'entries',
    );
    class Fresh extends Counted {}
    for (let i = 0; i < 3; i++) await validate(Object.assign(new Fresh(), { name: 1, count: 1 }));
    expect(walk).toHaveBeenCalledTimes(1);
    walk.mockRestore();
  });

  it('honours a rule added after the class was first validated', async () => {
    const later = Object.assign(new Counted(), { name: 'a', count: 1 });
    expect(failing(await validate(later))).toEqual([]);
    registerDecorator({
      target: Counted,
      propertyName: 'name',
      validator: { validate: (value: unknown) => value !== 'a', defaultMessage: () => 'not a' },
    });
    expect(failing(await validate(later))).toEqual(['name']);
  });
});
