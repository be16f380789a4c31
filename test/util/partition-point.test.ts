import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partitionPoint } from '../../src/util/partition-point.ts';

describe('partitionPoint', () => {
  it('counts the leading items that come before, for every split of a sorted array', () => {
    const items = [1, 3, 3, 5, 8, 13];
    for (const limit of [0, 1, 2, 3, 4, 5, 8, 12, 13, 20]) assert.equal(partitionPoint(items, (item) => item <= limit), items.filter((item) => item <= limit).length, `limit ${limit}`);
  });

  it('is 0 for an empty array and the length when every item comes before', () => {
    assert.equal(partitionPoint([], () => true), 0);
    assert.equal(partitionPoint([1, 2, 3], () => true), 3);
    assert.equal(partitionPoint([1, 2, 3], () => false), 0);
  });

  it('looks at about log2(n) items of a million', () => {
    const items = Array.from({ length: 1_000_000 }, (_, index) => index);
    let looked = 0;
    assert.equal(partitionPoint(items, (item) => (looked++, item < 777_777)), 777_777);
    assert.ok(looked <= 21, `${looked} items looked at`);
  });
});
