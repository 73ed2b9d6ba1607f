import type { ReceivedHop } from '@inquiry/mail';
import { simhash } from '../analysis/fingerprint';
import { evaluateRule, header } from '../test/message.builder';
import type { RuleCase } from '../test/message.builder';
import { TRIAGE_RULES } from './index';

/** Legitimate mail that once tripped a rule (newsletters, mailing lists, tech talk), beside the attack it guards against. */
const rule = (id: string) => TRIAGE_RULES.find((r) => r.id === id)!;
const hop = (fromIp: string): ReceivedHop => ({ raw: `from x (unknown [${fromIp}])`, fromIp });
const SIGNATURE =
  '\n\nBest regards\nAnna Schmidt\nBuyer Example GmbH\nHauptstr. 1, 10115 Berlin, Germany\nTel. +49 30 1234567';

describe('link.address-in-url', () => {
  const ours = 'sales%40exporter-example.com';
  it('stays quiet on a newsletter whose subscription links log the reader in by address', () => {
    const links = [
      {
        url: `http://nl.news.example/servlet/url_login?email=${ours}`,
        host: 'nl.news.example',
        text: '',
      },
      {
        url: `http://nl.news.example/servlet/url_login?email=${ours}&p=2`,
        host: 'nl.news.example',
        text: 'Manage My Subscriptions',
      },
    ];
    expect(
      evaluateRule(rule('link.address-in-url'), { name: 'newsletter', message: { links } }),
    ).toBeUndefined();
  });

  it('still fires on a login page prefilled with our address', () => {
    const links = [
      {
        url: `https://mail-verify.top/login?email=${ours}`,
        host: 'mail-verify.top',
        text: 'View the purchase order',
      },
    ];
    expect(
      evaluateRule(rule('link.address-in-url'), { name: 'phishing', message: { links } })?.detail,
    ).toBe('sales@exporter-example.com in mail-verify.top');
  });
});

describe('spy.near-duplicate', () => {
  const text = 'Send full price list of all colours and your capacity per month please';
  const seen = (sender: string): RuleCase['context'] => ({
    recentInquiries: [{ fingerprint: simhash(text), sender }],
  });

  it('takes one company domain for one sender, whatever the local part (numbered newsletter copies)', () => {
    const from = { address: 'online#3.1997@newsletter.example.com', name: 'News' };
    expect(
      evaluateRule(rule('spy.near-duplicate'), {
        name: 'copy',
        message: { text, from },
        context: seen('online#3.2001@newsletter.example.com'),
      }),
    ).toBeUndefined();
  });

  it('tells free-mail senders apart by address', () => {
    const from = { address: 'buyer.one@gmail.com', name: 'Buyer' };
    expect(
      evaluateRule(rule('spy.near-duplicate'), {
        name: 'spray',
        message: { text, from },
        context: seen('buyer.two@gmail.com'),
      }),
    ).toBeDefined();
  });

  it('ignores mailing-list posts, which share the list footer', () => {
    const message = {
      text,
      from: { address: 'member@isp.example', name: 'M' },
      headers: [header('list-id', 'Users <users.list.example>')],
    };
    expect(
      evaluateRule(rule('spy.near-duplicate'), {
        name: 'list',
        message,
        context: seen('other@elsewhere.example'),
      }),
    ).toBeUndefined();
  });
});

describe('scam.credential-request', () => {
  it('does not take a mention of a password for a request', () => {
    const text = 'The wiki password changed yesterday; the admin has the new one.';
    expect(
      evaluateRule(rule('scam.credential-request'), { name: 'talk', message: { text } }),
    ).toBeUndefined();
  });

  it.each([
    ['en', 'Please enter your password to view the purchase order.'],
    ['zh', '请输入您的邮箱密码查看订单。'],
    ['de', 'Bitte geben Sie Ihr Passwort ein, um die Bestellung zu sehen.'],
  ])('fires on a request for it (%s)', (_, text) => {
    expect(
      evaluateRule(rule('scam.credential-request'), { name: 'ask', message: { text } }),
    ).toBeDefined();
  });
});

describe('time.offset-claim-mismatch', () => {
  const nigeria = hop('41.58.1.1');
  it('counts half when the offset is the IP country’s own, which the IP mismatch already says', () => {
    const hit = evaluateRule(rule('time.offset-claim-mismatch'), {
      name: 'Lagos',
      message: { received: [nigeria], dateOffsetMinutes: 60, text: `Hi${SIGNATURE}` },
    });
    expect(hit?.strength).toBe(0.5);
  });

  it('counts in full when the offset fits neither the claim nor the IP', () => {
    const hit = evaluateRule(rule('time.offset-claim-mismatch'), {
      name: 'elsewhere',
      message: { received: [nigeria], dateOffsetMinutes: -300, text: `Hi${SIGNATURE}` },
    });
    expect(hit).toBeDefined();
    expect(hit?.strength).toBeUndefined();
  });
});

describe('claimed country', () => {
  it('reads the signature, not country names in the body above the sign-off', () => {
    const text = `Toshiba ships the e740 in Japan first, then in the UK.\n\nMore next week.\n\nCheers\nKenn`;
    const from = { address: 'kenn@example.com', name: 'Kenn' };
    expect(
      evaluateRule(rule('origin.ip-claim-mismatch'), {
        name: 'news',
        message: { received: [hop('41.58.1.1')], text, from },
      }),
    ).toBeUndefined();
    expect(
      evaluateRule(rule('origin.ip-claim-mismatch'), {
        name: 'signature',
        message: { received: [hop('41.58.1.1')], text: `Hi${SIGNATURE}` },
      }),
    ).toBeDefined();
  });
});

describe('spam.freight-pitch', () => {
  const pitch = (text: string) =>
    evaluateRule(rule('spam.freight-pitch'), { name: 'inquiry', message: { text } });

  it.each([
    ['zh', '贸易条款：FOB厦门，客户有自己的货代。交期：希望下单后30天内出货。'],
    ['en', 'Terms: FOB Ningbo. Our freight forwarder will contact you to book the shipment.'],
    ['en', 'We will use our own nominated forwarder, please quote EXW.'],
    ['es', 'Condiciones FOB Shanghai, nuestro agente de carga recogerá la mercancía.'],
    ['de', 'Lieferung FCA Qingdao, unsere Spedition holt die Ware ab.'],
    ['fr', 'Incoterm FOB, notre transitaire organisera le transport.'],
  ])('stays quiet when the buyer names its own forwarder (%s)', (_language, text) => {
    expect(pitch(text)).toBeUndefined();
  });

  it('still fires on a forwarder offering its rates, even one that mentions yours', () => {
    const hit = pitch(
      'Dear manager, we are a freight forwarder in Shenzhen with the best sea freight rates. ' +
        'Compare our rates with your own forwarder: door to door, customs clearance services.',
    );
    expect(hit?.detail).toContain('sea freight rates');
    expect(hit?.strength).toBeGreaterThan(1);
  });
});
