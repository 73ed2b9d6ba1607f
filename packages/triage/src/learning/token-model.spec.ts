import { buildMessage } from '../test/message.builder';
import {
  classifyTokens,
  combineTokenModels,
  pruneTokenModel,
  trainTokenModel,
} from './token-model';
import type { TokenModel } from './token-model';

function examples(
  label: string,
  texts: string[],
  copies = 10,
): Array<{ message: ReturnType<typeof buildMessage>; label: string }> {
  return Array.from({ length: copies }, () =>
    texts.map((text) => ({ message: buildMessage({ text }), label })),
  ).flat();
}

const spam = ['cheap pills online pharmacy', 'pharmacy discount pills now'];
const clean = ['please quote quartz slabs fob xiamen', 'quartz slabs 20 mm price fob'];

describe('pruneTokenModel', () => {
  const model = trainTokenModel([
    ...examples('spam', spam),
    ...examples('clean', clean),
    ...examples('clean', ['a rare word zygote'], 1),
  ]);

  it('drops rare tokens and tokens every class uses alike, keeps the class counts', () => {
    const both = trainTokenModel([
      ...examples('spam', ['price now pills']),
      ...examples('clean', ['price now quartz']),
    ]);
    const pruned = pruneTokenModel(both, { minDocuments: 3, minStrength: 1 });
    expect(Object.keys(pruned.tokens).sort()).toEqual(['pills', 'quartz']);
    expect(pruned.documents).toEqual(both.documents);
    expect(
      pruneTokenModel(model, { minDocuments: 3, minStrength: 1 }).tokens.zygote,
    ).toBeUndefined();
  });

  it('keeps the verdict of the full model on the wording it learned', () => {
    const pruned = pruneTokenModel(model, { minDocuments: 3, minStrength: 1 });
    const message = buildMessage({ text: 'cheap pharmacy pills' });
    expect(classifyTokens(pruned, message).spam).toBeGreaterThan(0.9);
  });
});

describe('combineTokenModels', () => {
  const base = trainTokenModel([...examples('spam', spam), ...examples('clean', clean)]);

  it('adds the team’s counts to the shipped ones, class by class', () => {
    const local = trainTokenModel([
      ...examples('spam', ['pills from the granite supplier'], 2),
      ...examples('clean', ['granite slabs fob'], 3),
    ]);
    const combined = combineTokenModels(base, local);
    expect(combined.classes).toEqual(['clean', 'spam']);
    expect(combined.documents).toEqual([base.documents[0]! + 3, base.documents[1]! + 2]);
    expect(combined.tokens.pills).toEqual([base.tokens.pills![0]!, base.tokens.pills![1]! + 2]);
  });

  it('gives a word only the team has seen its local rate in the shipped messages too', () => {
    const local = trainTokenModel([
      ...examples('spam', ['granite directory listing'], 4),
      ...examples('clean', ['quartz order'], 4),
    ]);
    const combined = combineTokenModels(base, local);
    // Local rate 4/4 in spam and 0/4 in clean, carried over to the shipped 20 + 20 messages.
    expect(combined.tokens.directory).toEqual([0, 24]);
  });

  it('learns a class the shipped model lacks, so local labels refine what it knows', () => {
    const probe = 'send your production capacity and customer list';
    const local = trainTokenModel([
      ...examples('spy', [probe], 6),
      ...examples('clean', ['quartz slabs order fob'], 6),
    ]);
    const combined = combineTokenModels(base, local);
    expect(combined.classes).toEqual(['clean', 'spam', 'spy']);
    const p = classifyTokens(combined, buildMessage({ text: probe }));
    expect(p.spy).toBeGreaterThan(p.clean!);
    expect(p.spy).toBeGreaterThan(p.spam!);
    expect(
      classifyTokens(combined, buildMessage({ text: 'cheap pharmacy pills' })).spam,
    ).toBeGreaterThan(0.9);
  });

  it('keeps a training record only when both models have one', () => {
    const record = (digests: string[]): TokenModel['trainedOn'] => ({
      sources: ['x'],
      messages: digests.length,
      digests,
    });
    const local = trainTokenModel(examples('clean', clean, 1));
    expect(
      combineTokenModels({ ...base, trainedOn: record(['a']) }, local).trainedOn,
    ).toBeUndefined();
    expect(
      combineTokenModels(
        { ...base, trainedOn: record(['b', 'a']) },
        { ...local, trainedOn: record(['c', 'a']) },
      ).trainedOn,
    ).toEqual({
      sources: ['x'],
      messages: 4,
      digests: ['a', 'b', 'c'],
    });
  });
});

describe('classifyTokens', () => {
  it('does not let a class with few examples take long mail full of common words', () => {
    const model = trainTokenModel([
      ...examples(
        'clean',
        ['we have all the list of parts on this page', 'this is how we build the list'],
        30,
      ),
      ...examples('spy', ['we want all your price list and production lines'], 1),
      ...examples('clean', ['quartz price list fob'], 5),
    ]);
    const p = classifyTokens(
      model,
      buildMessage({ text: 'we have the list on this page, this is how we build all of it' }),
    );
    expect(p.clean).toBeGreaterThan(0.5);
  });
});
