import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillTemplate, gluedToVersion, joinTemplate, markedTemplate, mayReachGraph, parameterMarker, mayStartBase, resolveReference, suppliesRoot, templateText, withoutTrailingValue } from '../../src/extract/graph/url-templates.ts';

describe('URL templates of request helpers', () => {
  it('joins texts and keeps parameter slots', () => {
    assert.deepEqual(joinTemplate(['https://', '', { param: 1 }, ['/v1.0', '/'], { param: 2 }, '?a']), ['https://', { param: 1 }, '/v1.0/', { param: 2 }, '?a']);
  });

  it('a parameter after nothing, a scheme, a host or a base URL supplies the root; after a path segment it is a key', () => {
    assert.equal(suppliesRoot([{ param: 0 }]), true);
    assert.equal(suppliesRoot(['https://', { param: 1 }, { param: 3 }, { param: 2 }]), true);
    assert.equal(suppliesRoot(['https://graph.microsoft.com/v1.0', { param: 0 }]), true);
    assert.equal(suppliesRoot(['https://graph.microsoft.com/beta/', { param: 0 }]), true);
    assert.equal(suppliesRoot(['/users/', { param: 0 }, '/messages']), false);
    assert.equal(suppliesRoot(['https://graph.microsoft.com/v1.0/me']), false, 'no parameter at all');
  });

  it('tells which starts can still lead to a root parameter', () => {
    for (const text of ['', 'h', 'https:/', 'https://', 'https://graph.microsoft.com', 'https://graph.microsoft.com/v1', 'https://graph.microsoft.com/v1.0/', '/beta', '/']) assert.equal(mayStartBase(text), true, text);
    for (const text of ['/users/', 'https://graph.microsoft.com/v1.0/me/', 'api/', 'ftp://x']) assert.equal(mayStartBase(text), false, text);
  });

  it('a helper on a named host other than Graph never reaches Graph; an unknown host may', () => {
    assert.equal(mayReachGraph(['https://api.contoso.com/', { param: 0 }]), false);
    assert.equal(mayReachGraph(['https://graph.microsoft.us/v1.0', { param: 0 }]), true);
    assert.equal(mayReachGraph(['https://', { param: 0 }, { param: 1 }]), true);
    assert.equal(mayReachGraph([{ param: 0 }]), true);
  });

  it('fills slots with what the caller passes, a caller parameter staying a slot, anything unknown a placeholder', () => {
    const helper = ['https://', { param: 1 }, { param: 3 }, { param: 2 }, { param: 4 }] as const;
    const filled = fillTemplate(helper, [undefined, ['graph.microsoft.com'], [{ param: 1 }], ['/v1.0'], undefined]);
    assert.deepEqual(filled, ['https://graph.microsoft.com/v1.0', { param: 1 }, '{id}']);
    assert.equal(suppliesRoot(filled), true, 'the caller is a helper in turn');
    assert.equal(templateText(fillTemplate(filled, [undefined, ['/me/drive/root/children']])), 'https://graph.microsoft.com/v1.0/me/drive/root/children{id}', 'the unknown query stays visible (the extractor drops it from the path)');
  });

  it('drops a run-time value glued to the end of a path, not one that is a segment; knows text glued to the version', () => {
    assert.equal(withoutTrailingValue('https://graph.microsoft.com/v1.0/me/messages{id}'), 'https://graph.microsoft.com/v1.0/me/messages');
    assert.equal(withoutTrailingValue('https://graph.microsoft.com/v1.0/users/{id}'), 'https://graph.microsoft.com/v1.0/users/{id}');
    assert.equal(withoutTrailingValue('{id}'), '{id}');
    assert.equal(gluedToVersion('/v1.0Content-Type'), true);
    assert.equal(gluedToVersion('/v1.0/me'), false);
    assert.equal(gluedToVersion('/beta?$top=1'), false);
    assert.equal(gluedToVersion('/me/v1.0x'), false);
  });

  it('reads parameter markers in an evaluated string back as slots', () => {
    assert.deepEqual(markedTemplate(`https://graph.microsoft.com/v1.0${parameterMarker(1)}?$top=${parameterMarker(12)}`), ['https://graph.microsoft.com/v1.0', { param: 1 }, '?$top=', { param: 12 }]);
    assert.deepEqual(markedTemplate(`${parameterMarker(0)}${parameterMarker(2)}`), [{ param: 0 }, { param: 2 }]);
    assert.deepEqual(markedTemplate('/me/events'), ['/me/events']);
    assert.deepEqual(markedTemplate(''), []);
  });

  it('resolves a relative reference against a base address as new Uri(base, relative) does (RFC 3986)', () => {
    assert.equal(resolveReference('https://graph.microsoft.com/v1.0/', 'me/events'), 'https://graph.microsoft.com/v1.0/me/events');
    assert.equal(resolveReference('https://graph.microsoft.com/v1.0', 'me'), 'https://graph.microsoft.com/me');
    assert.equal(resolveReference('https://graph.microsoft.com', 'v1.0/me'), 'https://graph.microsoft.com/v1.0/me');
    assert.equal(resolveReference('https://graph.microsoft.com/v1.0/users/', '/me'), 'https://graph.microsoft.com/me');
    assert.equal(resolveReference('https://graph.microsoft.com/beta/?x=1', 'users?$top=5'), 'https://graph.microsoft.com/beta/users?$top=5');
  });
});
