import { nestsDeeperThan } from './validation';

describe('nestsDeeperThan', () => {
  it.each([
    ['a plain value', 'text', 0, false],
    ['an empty object at the limit', {}, 1, false],
    ['an object inside an object over the limit', { a: {} }, 1, true],
    ['an array inside an object at the limit', { a: [1, 2] }, 2, false],
    ['the deepest branch, not the first one', { a: 1, b: [[[]]] }, 3, true],
  ])('%s', (_name, value, limit, expected) => {
    expect(nestsDeeperThan(value, limit)).toBe(expected);
  });

  it('measures thousands of levels without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(nestsDeeperThan(deep, 32)).toBe(true);
  });
});
