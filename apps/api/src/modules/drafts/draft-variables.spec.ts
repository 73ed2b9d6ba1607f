import { money, TemplateCatalog } from '@inquiry/templates';
import { loadVariables, storeVariables } from './draft-variables';

describe('draft variables', () => {
  const definition = new TemplateCatalog().definition('sample-offer');

  it('stores money as exact decimal text and renders it back identically', () => {
    const values = {
      product: 'LED panel',
      sampleFee: money('0.035', 'USD'),
      creditQuantity: 1000,
      dispatchDays: 3,
    };
    const stored = JSON.parse(JSON.stringify(storeVariables(values))) as Record<string, unknown>;
    expect(stored.sampleFee).toEqual({ amount: '0.035', currency: 'USD' });
    const loaded = loadVariables(definition, stored);
    expect(loaded.product).toBe('LED panel');
    expect((loaded.sampleFee as ReturnType<typeof money>).amount.toFixed()).toBe('0.035');
    expect((loaded.sampleFee as ReturnType<typeof money>).currency).toBe('USD');
  });
});
