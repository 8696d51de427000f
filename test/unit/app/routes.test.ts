// The hash routes the app's links and navigate() write, read back by parseHash.
import { describe, expect, it } from 'vitest';
import { parseHash, routeHref } from '../../../renderer/app/routes';

describe('routeHref', () => {
  it('writes a route parseHash reads back, whatever the id holds', () => {
    for (const id of ['p-1', '王𠮷的/平台', '50%#?&', ' 空格 ']) {
      expect(routeHref('platforms', id)).toMatch(/^#\/platforms\/[^/#?]+$/);
      expect(parseHash(routeHref('platforms', id))).toEqual({ area: 'platforms', id });
    }
    expect(routeHref('trash')).toBe('#/trash');
    expect(parseHash(routeHref('trash'))).toEqual({ area: 'trash', id: undefined });
  });

  it('leads an unknown area home', () => {
    expect(parseHash(routeHref('nowhere', 'x'))).toEqual({ area: 'home', id: 'x' });
  });
});
