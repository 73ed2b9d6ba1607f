import { BatchThreading, SUBJECT_THREAD_WINDOW_MS, type ThreadingFacts } from './batch-threading';

const day = 24 * 3600 * 1000;
const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * day);

const message = (
  key: string,
  fields: Partial<Omit<ThreadingFacts, 'key' | 'newThread'>> = {},
): ThreadingFacts => {
  const receivedAt = fields.receivedAt ?? at(0);
  const normalisedSubject = fields.normalisedSubject ?? '';
  return {
    key,
    referencedKeys: [],
    normalisedSubject,
    subjectContactId: undefined,
    receivedAt,
    ...fields,
    newThread: {
      subject: normalisedSubject,
      normalisedSubject,
      contactId: fields.subjectContactId ?? null,
      lastMessageAt: receivedAt,
      createdAt: receivedAt,
    },
  };
};

describe('BatchThreading', () => {
  it('puts a reply into the thread of the newest message it refers to, one of the batch before any stored one', () => {
    const threading = new BatchThreading(
      [
        { id: 10, dedupKey: 'old', threadId: 1 },
        { id: 20, dedupKey: 'newer', threadId: 2 },
      ],
      [],
    );
    expect(threading.assign(message('r1', { referencedKeys: ['old', 'newer'] })).id).toBe(2);
    const started = threading.assign(message('q1'));
    const reply = threading.assign(message('r2', { referencedKeys: ['newer', 'q1'] }));
    expect(reply).toBe(started);
    expect(threading.created).toEqual([started]);
  });

  it('threads by subject with the same correspondent only within the window, to the most recent conversation', () => {
    const threading = new BatchThreading(
      [],
      [
        { id: 1, normalisedSubject: 'led panels', contactId: 7, lastMessageAt: at(0) },
        { id: 2, normalisedSubject: 'led panels', contactId: 7, lastMessageAt: at(30) },
        { id: 3, normalisedSubject: 'led panels', contactId: 8, lastMessageAt: at(60) },
      ],
    );
    const subject = { normalisedSubject: 'led panels', subjectContactId: 7 };
    expect(threading.assign(message('a', { ...subject, receivedAt: at(40) })).id).toBe(2);
    // Thread 2 was last joined at day 40, by the message before.
    const late = at(40 + SUBJECT_THREAD_WINDOW_MS / day + 1);
    expect(threading.assign(message('b', { ...subject, receivedAt: late })).id).toBeUndefined();
    expect(
      threading.assign(message('c', { normalisedSubject: 'led panels', receivedAt: at(41) })).id,
    ).toBeUndefined();
  });

  it('moves the last message time of the threads the batch joins, which later messages see', () => {
    const threading = new BatchThreading(
      [{ id: 5, dedupKey: 'parent', threadId: 1 }],
      [{ id: 1, normalisedSubject: 'steel pipes', contactId: 7, lastMessageAt: at(0) }],
    );
    threading.assign(message('r1', { referencedKeys: ['parent'], receivedAt: at(100) }));
    const followUp = threading.assign(
      message('f1', { normalisedSubject: 'steel pipes', subjectContactId: 7, receivedAt: at(150) }),
    );
    expect(followUp.id).toBe(1);
    expect(threading.touched).toEqual([expect.objectContaining({ id: 1, touchAt: at(150) })]);

    const started = threading.assign(
      message('n1', { normalisedSubject: 'valves', subjectContactId: 7, receivedAt: at(3) }),
    );
    threading.assign(
      message('n2', { normalisedSubject: 'valves', subjectContactId: 7, receivedAt: at(9) }),
    );
    expect(started.create?.lastMessageAt).toEqual(at(9));
  });
});
