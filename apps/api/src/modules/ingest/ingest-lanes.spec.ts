import { ingestLanes, plainMessageId, threadingKeys } from './ingest-lanes';

const mail = (headers: string, body = 'Please quote.') =>
  Buffer.from(`${headers.trim().split('\n').join('\r\n')}\r\n\r\n${body}\r\n`);

describe('threadingKeys', () => {
  it('reads Message-ID, In-Reply-To, every reference and the normalised subject, unfolding headers', () => {
    const raw = mail(`
Message-ID: <B@importer.example>
In-Reply-To: <a@factory.example>
References: <root@factory.example>
 <a@factory.example>
Subject: RE: AW:  Quotation  request`);
    expect(threadingKeys(raw).sort()).toEqual(
      [
        'id:a@factory.example',
        'id:a@factory.example',
        'id:b@importer.example',
        'id:root@factory.example',
        'subject:quotation request',
      ].sort(),
    );
  });

  it('ignores the body and copes with a message without headers', () => {
    expect(
      threadingKeys(mail('From: x@example.com', 'Message-ID: <not-a-header@example.com>')),
    ).toEqual([]);
    expect(threadingKeys(Buffer.alloc(0))).toEqual([]);
  });
});

describe('plainMessageId', () => {
  it('reads the one Message-ID header the way the parser will', () => {
    expect(plainMessageId(mail('Subject: x\nMessage-ID:\n <B@importer.example>'))).toBe(
      'B@importer.example',
    );
  });

  it('gives up where the parser might read something else', () => {
    expect(
      plainMessageId(mail('Message-ID: <a@x.example>\nMessage-ID: <b@x.example>')),
    ).toBeUndefined();
    expect(plainMessageId(mail('Message-ID: <a@x.example> (resent)'))).toBeUndefined();
    expect(plainMessageId(mail('Message-ID: a@x.example'))).toBeUndefined();
    expect(
      plainMessageId(mail('From: x@example.com', 'Message-ID: <body@x.example>')),
    ).toBeUndefined();
  });
});

describe('ingestLanes', () => {
  it('keeps a conversation in one lane in batch order and puts unrelated messages in lanes of their own', () => {
    const batch = [
      mail('Message-ID: <q1@buyer.example>\nSubject: Steel pipes'),
      mail('Message-ID: <other@else.example>\nSubject: Newsletter'),
      mail(
        'Message-ID: <r1@factory.example>\nIn-Reply-To: <q1@buyer.example>\nSubject: Re: Steel pipes',
      ),
      mail('Message-ID: <late@buyer.example>\nSubject: Fwd: Steel pipes'),
      mail('Subject: Sample request'),
    ];
    expect(ingestLanes(batch)).toEqual([[0, 2, 3], [1], [4]]);
  });

  it('joins two lanes when a later message refers to both', () => {
    const batch = [
      mail('Message-ID: <a@x.example>\nSubject: One'),
      mail('Message-ID: <b@x.example>\nSubject: Two'),
      mail('References: <a@x.example> <b@x.example>\nSubject: Three'),
    ];
    expect(ingestLanes(batch)).toEqual([[0, 1, 2]]);
  });
});
