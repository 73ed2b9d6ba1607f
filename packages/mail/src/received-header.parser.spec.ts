import { parseReceived } from './received-header.parser';

describe('parseReceived', () => {
  it.each([
    {
      layout: 'Postfix',
      raw: 'from m12-12.163.com (m12-12.163.com [220.181.12.12]) by mx1.qiaolanstone.com (Postfix) with ESMTPS id 4ZB for <sales@qiaolanstone.com>; Wed, 6 Nov 2024 15:20:39 +0800 (CST)',
      hop: {
        fromHelo: 'm12-12.163.com',
        fromRdns: 'm12-12.163.com',
        fromIp: '220.181.12.12',
        by: 'mx1.qiaolanstone.com',
        date: '2024-11-06T07:20:39.000Z',
      },
    },
    {
      layout: 'Postfix with unknown rDNS',
      raw: 'from User (unknown [41.203.67.2]) by mx1.example.com (Postfix) with ESMTP; Mon, 3 Feb 2025 10:00:00 -1600',
      hop: {
        fromHelo: 'user',
        fromIp: '41.203.67.2',
        by: 'mx1.example.com',
        date: '2025-02-04T02:00:00.000Z',
      },
    },
    {
      layout: 'Exim with helo=',
      raw: 'from [75.51.38.10] (port=55923 helo=[192.168.1.133]) by cp-us14.webhostbay.net with esmtpsa (Exim 4.96.2) id 1tp for sales@x.com; Tue, 8 Oct 2024 09:42:19 -0500',
      hop: { fromHelo: '[192.168.1.133]', fromIp: '75.51.38.10', by: 'cp-us14.webhostbay.net' },
    },
    {
      layout: 'Exim with rDNS first',
      raw: 'from host-5-6.example.net ([5.6.7.8] helo=PC-01) by mail.example.org with esmtp (Exim 4.50) id 1A; Fri, 13 Sep 2002 08:01:01 +0100',
      hop: {
        fromHelo: 'pc-01',
        fromRdns: 'host-5-6.example.net',
        fromIp: '5.6.7.8',
        by: 'mail.example.org',
      },
    },
    {
      layout: 'qmail',
      raw: 'from unknown (HELO mail.buyer.com) (201.1.2.3) by mx.example.com with SMTP; 13 Sep 2002 07:00:00 -0000',
      hop: { fromHelo: 'mail.buyer.com', fromIp: '201.1.2.3', by: 'mx.example.com' },
    },
    {
      layout: 'IPv6 literal',
      raw: 'from mail.example.de (mail.example.de [IPv6:2a01:4f8:c0c:1234::1]) by mx1.qiaolanstone.com (Postfix); Tue, 8 Oct 2024 22:42:27 +0800',
      hop: {
        fromHelo: 'mail.example.de',
        fromRdns: 'mail.example.de',
        fromIp: '2a01:4f8:c0c:1234::1',
      },
    },
    {
      layout: 'Exchange Online with a bare IPv6',
      raw: 'from AM0PR02MB1234.eurprd02.prod.outlook.com (2603:10a6:208:1a::15) by AM0PR02MB5678.eurprd02.prod.outlook.com with HTTPS; Tue, 8 Oct 2024 14:42:27 +0000',
      hop: {
        fromHelo: 'am0pr02mb1234.eurprd02.prod.outlook.com',
        fromIp: '2603:10a6:208:1a::15',
        by: 'am0pr02mb5678.eurprd02.prod.outlook.com',
      },
    },
    {
      layout: 'bracketed IP only',
      raw: 'from [1.2.3.4] by smtp.example.com; Tue, 8 Oct 2024 14:42:27 +0000',
      hop: { fromIp: '1.2.3.4', by: 'smtp.example.com' },
    },
    {
      layout: 'no from clause',
      raw: '(qmail 12345 invoked by uid 89); 13 Sep 2002 07:00:00 -0000',
      hop: { date: '2002-09-13T07:00:00.000Z' },
    },
  ])('reads a $layout hop', ({ raw, hop }) => {
    const parsed = parseReceived(raw);
    const { date, ...rest } = hop;
    expect(parsed).toMatchObject(rest);
    if (date) expect(parsed.date?.toISOString()).toBe(date);
    for (const key of ['fromHelo', 'fromRdns', 'fromIp'] as const) {
      if (!(key in rest)) expect(parsed[key]).toBeUndefined();
    }
  });
});
