import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage } from '@inquiry/mail';
import { buildMessage, TEST_CONFIG } from '../test/message.builder';
import { triage } from '../triage.engine';
import {
  messageDigest,
  parseTokenModel,
  SHIPPED_MODEL_FILE,
  shippedTokenModel,
  TokenModelError,
  trainingOverlap,
} from './shipped-model';

describe('shipped token model', () => {
  const model = shippedTokenModel();

  it('is a compact file that records what it was trained on', () => {
    expect(statSync(SHIPPED_MODEL_FILE).size).toBeLessThan(2 * 1024 * 1024);
    expect(model.classes).toEqual(['clean', 'scam', 'spam', 'spy']);
    expect(model.trainedOn?.messages).toBe(model.documents.reduce((a, b) => a + b, 0));
    expect(model.trainedOn?.digests.length).toBe(model.trainedOn?.messages);
  });

  it('is what triage uses when the context brings no model, and null means rules only', async () => {
    const spam =
      'FREE!!! Lowest mortgage rates, click here to be removed from our list. Act now, limited time offer, 100% guaranteed.';
    const message = buildMessage({ text: spam });
    const byDefault = triage({ message }, {}, TEST_CONFIG);
    const rulesOnly = triage({ message }, { tokenModel: null }, TEST_CONFIG);
    expect(byDefault.signals.map((s) => s.id)).toContain('learned.spam-tokens');
    expect(rulesOnly.signals.some((s) => s.id.startsWith('learned.'))).toBe(false);
    const fixture = await parseMessage(
      readFileSync(join(__dirname, '../test/fixtures/genuine-rfq.eml')),
    );
    expect(triage({ message: fixture }, {}, TEST_CONFIG).verdict).toBe('clean');
  });

  it('counts how many messages of a corpus it was trained on', () => {
    const fixtures = join(__dirname, '../test/fixtures');
    const raws = readdirSync(fixtures)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join(fixtures, f)));
    const seen = {
      ...model,
      trainedOn: { sources: ['test'], messages: 1, digests: [messageDigest(raws[0]!)] },
    };
    expect(trainingOverlap(seen, raws)).toBe(1);
    expect(trainingOverlap({ ...model, trainedOn: undefined }, raws)).toBe(0);
  });
});

describe('parseTokenModel', () => {
  it('names the file and the field that is wrong', () => {
    expect(() => parseTokenModel('{', 'model.json')).toThrow(TokenModelError);
    expect(() => parseTokenModel('{', 'model.json')).toThrow(/^model.json: is not JSON/);
    expect(() =>
      parseTokenModel('{"classes":["clean"],"documents":[1],"tokens":{}}', 'm.json'),
    ).toThrow('m.json: classes: must list at least two class names');
    expect(() =>
      parseTokenModel(
        '{"classes":["clean","spam"],"documents":[1,2],"tokens":{"x":[1]}}',
        'm.json',
      ),
    ).toThrow('m.json: tokens.x: must hold 2 counts');
  });
});
