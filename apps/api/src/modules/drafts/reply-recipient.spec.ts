import { recipientKey, recipientWarnings, replyRecipient } from './reply-recipient';

const from = { fromAddress: 'ana.ruiz@buyer.example', fromName: 'Ana Ruiz' };
const header = (value: string) => [{ name: 'reply-to', value }];
const mismatch = {
  id: 'mailbox.reply-to-mismatch',
  class: 'scam',
  weight: 1.5,
  detail: 'Reply-To gmail.com, From buyer.example',
};

describe('replyRecipient', () => {
  it('answers the sender when there is no Reply-To', () => {
    expect(replyRecipient({ ...from, headers: [{ name: 'subject', value: 'x' }] })).toEqual({
      addresses: [{ address: 'ana.ruiz@buyer.example', name: 'Ana Ruiz' }],
      via: 'from',
    });
  });

  it('answers every Reply-To address, groups included, in lower case', () => {
    const recipient = replyRecipient({
      ...from,
      headers: header('"Ruiz, Compras" <Compras@Buyer.example>, Team: ops@buyer.example;'),
    });
    expect(recipient).toEqual({
      addresses: [
        { address: 'compras@buyer.example', name: 'Ruiz, Compras' },
        { address: 'ops@buyer.example', name: '' },
      ],
      via: 'reply-to',
    });
    expect(recipientKey(recipient)).toBe('compras@buyer.example, ops@buyer.example');
  });
});

describe('recipientWarnings', () => {
  const message = { fromAddress: from.fromAddress };
  const toGmail = replyRecipient({ ...from, headers: header('ana.compras@gmail.com') });

  it('warns when the reply follows a Reply-To that triage flagged', () => {
    expect(recipientWarnings({ signals: [mismatch], message }, toGmail)).toEqual([
      {
        code: 'reply-to-mismatch',
        message: expect.stringContaining('ana.compras@gmail.com instead of ana.ruiz@buyer.example'),
        detail: 'Reply-To gmail.com, From buyer.example',
      },
    ]);
  });

  it('stays quiet without the signal, or when the reply goes to the sender', () => {
    expect(recipientWarnings({ signals: [], message }, toGmail)).toEqual([]);
    expect(recipientWarnings({ signals: null, message }, toGmail)).toEqual([]);
    const toSender = replyRecipient({ ...from, headers: [] });
    expect(recipientWarnings({ signals: [mismatch], message }, toSender)).toEqual([]);
  });
});
