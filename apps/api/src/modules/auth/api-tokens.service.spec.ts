import { DomainError, ErrorCode } from '../../common/domain-error';
import { startTempContext, type TempContext } from '../../test/temp-context';
import { ApiTokensService } from './api-tokens.service';

describe('ApiTokensService', () => {
  let temp: TempContext;
  let tokens: ApiTokensService;
  beforeEach(async () => {
    temp = await startTempContext();
    tokens = temp.context.get(ApiTokensService);
  });
  afterEach(async () => {
    await temp.close();
  });

  it('refuses a second token with a name already in use, naming the field', async () => {
    await tokens.issue('alice', 'rep');
    const duplicate = tokens.issue('alice', 'admin');
    await expect(duplicate).rejects.toBeInstanceOf(DomainError);
    await expect(duplicate).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fields: [{ field: 'name' }],
    });
    expect((await tokens.list()).map((token) => token.role)).toEqual(['rep']);
  });

  it('lists names, roles and dates, never the token or its hash', async () => {
    const bob = await tokens.issue('bob', 'manager');
    await tokens.issue('alice', 'rep');
    await tokens.authenticate(bob.token);
    const listed = await tokens.list();
    expect(listed).toEqual([
      { name: 'alice', role: 'rep', createdAt: expect.any(Date), lastUsedAt: null },
      { name: 'bob', role: 'manager', createdAt: expect.any(Date), lastUsedAt: expect.any(Date) },
    ]);
    expect(JSON.stringify(listed)).not.toContain(bob.token.slice(4, 20));
  });

  it('refuses a revoked token at once and frees its name', async () => {
    const leaked = await tokens.issue('ci-bot');
    const kept = await tokens.issue('alice');
    await expect(tokens.revoke('ci-bot')).resolves.toBe(true);
    await expect(tokens.authenticate(leaked.token)).resolves.toBeNull();
    await expect(tokens.authenticate(kept.token)).resolves.toMatchObject({ name: 'alice' });
    await expect(tokens.revoke('ci-bot')).resolves.toBe(false);
    await expect(tokens.issue('ci-bot')).resolves.toMatchObject({ name: 'ci-bot' });
  });
});
