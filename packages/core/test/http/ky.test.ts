import kyDefault from 'ky';
import * as kyNamespace from 'ky';
import { describe, expect, it } from 'vitest';
import { loadedKyModule, loadKy, resolveKy } from '../../src/http/ky.js';

describe('loading ky in either build', () => {
  it('loads the ky function on first use, once', async () => {
    const ky = await loadKy();
    expect(ky).toBe(kyDefault);
    expect(typeof ky.create).toBe('function');
    expect(await loadKy()).toBe(ky);
    expect(loadedKyModule()?.isHTTPError).toBe(kyNamespace.isHTTPError);
  });

  it('takes the default import as is in ESM', () => {
    expect(resolveKy(kyDefault)).toBe(kyDefault);
  });

  it("unwraps ky's namespace object, which a CommonJS build hands over as the default import", () => {
    expect(resolveKy(kyNamespace)).toBe(kyDefault);
  });

  it('fails clearly on anything else', () => {
    expect(() => resolveKy({})).toThrow(TypeError);
    expect(() => resolveKy(undefined)).toThrow(/could not load ky/);
  });
});
