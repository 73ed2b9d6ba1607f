import type { NormalisedMessage, ReceivedHop } from '@inquiry/mail';
import { DEFAULT_TRIAGE_CONFIG } from '../triage.config';
import type { MarketplaceAdapter } from '../triage.config';
import { simhash } from '../analysis/fingerprint';
import { trainTokenModel } from '../learning/token-model';
import type { TokenModel } from '../learning/token-model';
import { buildMessage, evaluateRule, header, TEST_CONFIG } from '../test/message.builder';
import type { RuleCase } from '../test/message.builder';
import { TRIAGE_RULES } from './index';

const GERMAN_SIGNATURE =
  '\n\nBest regards\nAnna Schmidt\nBuyer Example GmbH\nHauptstr. 1, 10115 Berlin, Germany\nTel. +49 30 1234567\nwww.buyer-example.de';

function hop(fromIp: string, fromRdns?: string): ReceivedHop {
  return { raw: `from x (${fromRdns ?? 'unknown'} [${fromIp}])`, fromIp, fromRdns };
}

function textCase(name: string, text: string, extra: Partial<NormalisedMessage> = {}): RuleCase {
  return { name, message: { text, ...extra } };
}

const marketplace: MarketplaceAdapter = {
  id: 'tradeplace',
  name: 'Tradeplace',
  senderDomains: ['notify.tradeplace-example.com'],
  linkDomains: ['tradeplace-example.com'],
  layout: ['new inquiry on tradeplace'],
  fields: {
    buyerName: '^buyer:\\s*([^,\\n]+)',
    country: '^country:\\s*(.+)$',
    product: '^product:\\s*(.+)$',
    message: '^message:\\s*([\\s\\S]+?)\\n--',
    badges: '^profile:\\s*(.+)$',
  },
  verifiedBadges: ['verified'],
  newAccountBadges: ['days ago', 'not verified'],
};
const marketConfig = { ...TEST_CONFIG, marketplaces: [marketplace] };
const notice = (profile: string, links: NormalisedMessage['links'] = []): RuleCase => ({
  name: `notice (${profile})`,
  config: marketConfig,
  message: {
    from: { address: 'inquiry@notify.tradeplace-example.com', name: 'Tradeplace' },
    text: `You have a new inquiry on Tradeplace.\nBuyer: Jo Bloggs, Bloggs Ltd\nCountry: Australia\nProduct: Quartz slab\nProfile: ${profile}\nMessage: Please quote 200 pcs.\n--\nTradeplace`,
    links,
  },
});

/** A model of `label` wording against clean buyer wording, with enough examples to be confident. */
function modelOf(label: string, texts: string[]): TokenModel {
  const clean = [
    'quote quartz slabs fob xiamen',
    'quartz slabs price fob',
    'slabs quote container quartz',
  ];
  const copies = <T>(items: T[]): T[] => Array.from({ length: 8 }, () => items).flat();
  return trainTokenModel([
    ...copies(texts).map((text) => ({ message: buildMessage({ text }), label })),
    ...copies(clean).map((text) => ({ message: buildMessage({ text }), label: 'clean' })),
  ]);
}

const spamModel = modelOf('spam', [
  'cheap pills online pharmacy',
  'pills pharmacy discount now',
  'pharmacy pills cheap offer',
]);

interface Row {
  id: string;
  fires: RuleCase;
  quiet: RuleCase;
}

const rows: Row[] = [
  // Origin and time
  {
    id: 'origin.domestic-claims-foreign',
    fires: {
      name: 'Chinese IP, German signature',
      message: { received: [hop('61.135.169.121')], text: `Hi${GERMAN_SIGNATURE}` },
    },
    quiet: {
      name: 'German IP, German signature',
      message: { received: [hop('193.99.144.80')], text: `Hi${GERMAN_SIGNATURE}` },
    },
  },
  {
    id: 'origin.ip-claim-mismatch',
    fires: {
      name: 'Nigerian IP, German signature',
      message: { received: [hop('41.58.1.1')], text: `Hi${GERMAN_SIGNATURE}` },
    },
    quiet: {
      name: 'no visible client IP',
      message: { received: [hop('8.8.8.8', 'mail-sor.google.com')], text: `Hi${GERMAN_SIGNATURE}` },
    },
  },
  {
    id: 'origin.consistent',
    fires: {
      name: 'German IP, German signature',
      message: { received: [hop('193.99.144.80')], text: `Hi${GERMAN_SIGNATURE}` },
    },
    quiet: {
      name: 'own relay only',
      message: {
        received: [hop('193.99.144.80', 'mx.exporter-example.com')],
        text: `Hi${GERMAN_SIGNATURE}`,
      },
    },
  },
  {
    id: 'time.impossible-offset',
    fires: {
      name: '-1600',
      message: { dateOffsetMinutes: -960, dateRaw: 'Mon, 1 Jul 2002 10:00:00 -1600' },
    },
    quiet: { name: '+0530', message: { dateOffsetMinutes: 330 } },
  },
  {
    id: 'time.domestic-offset-claims-foreign',
    fires: {
      name: '+0800 from a German',
      message: { dateOffsetMinutes: 480, text: `Hi${GERMAN_SIGNATURE}` },
    },
    quiet: {
      name: '+0200 from a German in summer',
      message: { dateOffsetMinutes: 120, text: `Hi${GERMAN_SIGNATURE}` },
    },
  },
  {
    id: 'time.offset-claim-mismatch',
    fires: {
      name: '-0500 from a German',
      message: { dateOffsetMinutes: -300, text: `Hi${GERMAN_SIGNATURE}` },
    },
    quiet: {
      name: '+0200 from a German in summer',
      message: { dateOffsetMinutes: 120, text: `Hi${GERMAN_SIGNATURE}` },
    },
  },
  {
    id: 'time.night-send',
    fires: {
      name: '03:00 in Berlin',
      message: { date: new Date('2024-10-08T01:00:00Z'), text: `Hi${GERMAN_SIGNATURE}` },
    },
    quiet: {
      name: '10:00 in Berlin',
      message: { date: new Date('2024-10-08T08:00:00Z'), text: `Hi${GERMAN_SIGNATURE}` },
    },
  },
  // Headers
  {
    id: 'header.missing-date',
    fires: {
      name: 'no Date',
      message: { date: undefined, dateRaw: undefined, dateOffsetMinutes: undefined },
    },
    quiet: { name: 'Date present', message: {} },
  },
  {
    id: 'header.missing-message-id',
    fires: { name: 'no Message-ID', message: { messageId: undefined } },
    quiet: { name: 'Message-ID present', message: {} },
  },
  {
    id: 'header.bulk-mailer',
    fires: { name: 'mass mailer', message: { headers: [header('x-mailer', 'Group Mail 4.0')] } },
    quiet: {
      name: 'Outlook',
      message: { headers: [header('x-mailer', 'Microsoft Outlook 16.0')] },
    },
  },
  {
    id: 'header.no-recipient',
    fires: {
      name: 'undisclosed recipients',
      message: { to: [], headers: [header('to', 'undisclosed-recipients:;')] },
    },
    quiet: { name: 'addressed to us', message: {} },
  },
  {
    id: 'header.precedence-bulk',
    fires: { name: 'Precedence bulk', message: { headers: [header('precedence', 'bulk')] } },
    quiet: {
      name: 'mailing list with List-Id',
      message: {
        headers: [header('precedence', 'bulk'), header('list-id', '<dev.lists.example.org>')],
      },
    },
  },
  {
    id: 'header.auth-fail',
    fires: {
      name: 'our MX recorded spf=fail',
      message: {
        headers: [
          header(
            'authentication-results',
            'mx.exporter-example.com; spf=fail smtp.mailfrom=x@y.com',
          ),
        ],
      },
    },
    quiet: {
      name: 'failure claimed by a foreign server',
      message: { headers: [header('authentication-results', 'mx.elsewhere.net; spf=fail')] },
    },
  },
  // Mailbox
  {
    id: 'mailbox.free-mail',
    fires: { name: 'gmail', message: { from: { address: 'anna@gmail.com', name: 'Anna' } } },
    quiet: { name: 'company domain', message: {} },
  },
  {
    id: 'mailbox.domestic-free-mail',
    fires: {
      name: '163.com claiming Germany',
      message: { from: { address: 'hans@163.com', name: 'Hans' }, text: `Hi${GERMAN_SIGNATURE}` },
    },
    quiet: {
      name: '163.com signing in China',
      message: {
        from: { address: 'li@163.com', name: 'Li' },
        text: 'Hi\n\nLi Wei\nShenzhen, China\nTel +86 755 1234 5678',
      },
    },
  },
  {
    id: 'mailbox.disposable',
    fires: { name: 'mailinator', message: { from: { address: 'x@mailinator.com', name: '' } } },
    quiet: { name: 'company domain', message: {} },
  },
  {
    id: 'mailbox.digits-local-part',
    fires: {
      name: 'john_tom3641',
      message: { from: { address: 'john_tom3641@gmail.com', name: '' } },
    },
    quiet: { name: 'anna.schmidt', message: {} },
  },
  {
    id: 'mailbox.display-name-spoof',
    fires: {
      name: 'PayPal on a free domain',
      message: { from: { address: 'service.team@gmail.com', name: 'PayPal Service' } },
    },
    quiet: { name: 'person name', message: {} },
  },
  {
    id: 'mailbox.reply-to-mismatch',
    fires: {
      name: 'reply to gmail',
      message: { replyTo: [{ address: 'ministry.office@gmail.com', name: '' }] },
    },
    quiet: {
      name: 'reply to the same company',
      message: { replyTo: [{ address: 'purchasing@buyer-example.de', name: '' }] },
    },
  },
  {
    id: 'mailbox.lookalike-domain',
    fires: {
      name: 'zero for o',
      message: { from: { address: 'finance@exp0rter-example.com', name: 'Finance' } },
    },
    quiet: {
      name: 'our own domain',
      message: { from: { address: 'lily@exporter-example.com', name: 'Lily' } },
    },
  },
  // Marketplace
  {
    id: 'marketplace.fake-notice',
    fires: {
      name: 'platform name from another domain',
      config: marketConfig,
      message: { from: { address: 'notice@tradeplace-alerts.com', name: 'Tradeplace Messages' } },
    },
    quiet: notice('Registered 2019 · Email verified'),
  },
  {
    id: 'marketplace.verified-relay',
    fires: notice('Registered 2019 · Email verified'),
    quiet: notice('Registered 2 days ago · Email not verified'),
  },
  {
    id: 'marketplace.new-account',
    fires: notice('Registered 2 days ago · Email not verified'),
    quiet: notice('Registered 2019 · Email verified'),
  },
  // Links and attachments
  {
    id: 'link.lookalike-domain',
    fires: {
      name: 'a link to a look-alike of our site',
      message: {
        links: [{ url: 'https://exp0rter-example.com/po', host: 'exp0rter-example.com', text: '' }],
      },
    },
    quiet: {
      name: 'a link to our own site',
      message: {
        links: [{ url: 'https://exporter-example.com/', host: 'exporter-example.com', text: '' }],
      },
    },
  },
  {
    id: 'link.text-host-mismatch',
    fires: {
      name: 'shows exmail.qq.com, goes elsewhere',
      message: {
        links: [
          {
            url: 'https://mail-secure-login.top/x',
            host: 'mail-secure-login.top',
            text: 'https://exmail.qq.com/login',
          },
        ],
      },
    },
    quiet: {
      name: 'text and host agree',
      message: {
        links: [
          {
            url: 'https://www.buyer-example.de/',
            host: 'www.buyer-example.de',
            text: 'www.buyer-example.de',
          },
        ],
      },
    },
  },
  {
    id: 'link.address-in-url',
    fires: {
      name: 'login page prefilled with our address',
      message: {
        links: [
          {
            url: 'https://x.top/login?email=sales%40exporter-example.com',
            host: 'x.top',
            text: 'View order',
          },
        ],
      },
    },
    quiet: {
      name: 'unsubscribe link with our address',
      message: {
        links: [
          {
            url: 'https://news.example/unsubscribe?e=sales@exporter-example.com',
            host: 'news.example',
            text: 'unsubscribe',
          },
        ],
      },
    },
  },
  {
    id: 'link.shortener',
    fires: {
      name: 'bit.ly',
      message: { links: [{ url: 'https://bit.ly/3xYz', host: 'bit.ly', text: '' }] },
    },
    quiet: {
      name: 'company site',
      message: { links: [{ url: 'https://buyer-example.de', host: 'buyer-example.de', text: '' }] },
    },
  },
  {
    id: 'link.ip-host',
    fires: {
      name: 'bare IP',
      message: { links: [{ url: 'http://203.0.113.7/po.html', host: '203.0.113.7', text: '' }] },
    },
    quiet: {
      name: 'named host',
      message: { links: [{ url: 'https://buyer-example.de', host: 'buyer-example.de', text: '' }] },
    },
  },
  {
    id: 'link.many',
    fires: {
      name: 'ten links, few words',
      message: {
        text: 'Deals!',
        links: Array.from({ length: 10 }, (_, i) => ({
          url: `https://d${i}.example/`,
          host: `d${i}.example`,
          text: '',
        })),
      },
    },
    quiet: {
      name: 'one link',
      message: { links: [{ url: 'https://buyer-example.de', host: 'buyer-example.de', text: '' }] },
    },
  },
  {
    id: 'attachment.risky-type',
    fires: {
      name: 'PO as HTML',
      message: {
        attachments: [
          {
            filename: 'PO_8823.html',
            contentType: 'text/html',
            size: 900,
            sha256: 'a',
            inline: false,
          },
        ],
      },
    },
    quiet: {
      name: 'PDF drawing',
      message: {
        attachments: [
          {
            filename: 'drawing.pdf',
            contentType: 'application/pdf',
            size: 900,
            sha256: 'a',
            inline: false,
          },
        ],
      },
    },
  },
  {
    id: 'attachment.double-extension',
    fires: {
      name: 'pdf.html',
      message: {
        attachments: [
          {
            filename: 'RFQ_Specs.pdf.html',
            contentType: 'text/html',
            size: 900,
            sha256: 'a',
            inline: false,
          },
        ],
      },
    },
    quiet: {
      name: 'plain pdf',
      message: {
        attachments: [
          {
            filename: 'RFQ_Specs.pdf',
            contentType: 'application/pdf',
            size: 900,
            sha256: 'a',
            inline: false,
          },
        ],
      },
    },
  },
  // Spam content
  {
    id: 'spam.offer-not-ask',
    fires: textCase('pitch', 'We offer web solutions. My portfolio is online.'),
    quiet: textCase('pitch with a question to buy', 'We offer a big market. Please quote 200 pcs.'),
  },
  {
    id: 'spam.seo-pitch',
    fires: textCase('seo', 'I checked your website; we can put you on the first page of Google.'),
    quiet: textCase('buyer', 'We need 200 slabs.'),
  },
  {
    id: 'spam.web-marketing-pitch',
    fires: textCase('es', 'Ofrecemos diseño web y marketing digital.'),
    quiet: textCase('buyer', 'We need 200 slabs.'),
  },
  {
    id: 'spam.directory-listing',
    fires: textCase('de', 'Bitte prüfen Sie Ihren Eintrag im Ausstellerverzeichnis.'),
    quiet: textCase('buyer', 'We met at the fair.'),
  },
  {
    id: 'spam.data-list',
    fires: textCase('zh', '我们提供最新海关数据和采购商名录。'),
    quiet: textCase('buyer', 'Please send the datasheet.'),
  },
  {
    id: 'spam.freight-pitch',
    fires: textCase('ru', 'Предлагаем грузоперевозки из Китая, экспедитор.'),
    quiet: textCase('buyer', 'Our forwarder collects FOB Xiamen.'),
  },
  {
    id: 'spam.supplier-pitch',
    fires: textCase('pt', 'Somos fabricantes de máquinas, preços competitivos.'),
    quiet: textCase('buyer', 'We are looking for a supplier.'),
  },
  {
    id: 'spam.event-pitch',
    fires: textCase('it', 'Allestimento stand fieristici per Marmomac.'),
    quiet: textCase('buyer', 'We visited your stand at the fair.'),
  },
  {
    id: 'spam.remove-list',
    fires: textCase(
      '2002 footer',
      'To be removed from our mailing list, reply with REMOVE in the subject.',
    ),
    quiet: textCase('buyer', 'Please remove the edge polish from item 2.'),
  },
  {
    id: 'spam.bulk-footer',
    fires: textCase('ar', 'لإلغاء الاشتراك اضغط هنا'),
    quiet: textCase('buyer', 'Thank you.'),
  },
  {
    id: 'spam.money-offer',
    fires: textCase('mortgage', 'Refinance your mortgage at the lowest rates!'),
    quiet: textCase('buyer', 'Payment by L/C at sight.'),
  },
  {
    id: 'spam.pharmacy-adult',
    fires: textCase('pharmacy', 'Buy viagra from our online pharmacy'),
    quiet: textCase('buyer', 'Food-safe sealant please.'),
  },
  {
    id: 'spam.hype',
    fires: textCase('hype', 'Act now!!! Limited time offer, click here.'),
    quiet: textCase('buyer', 'Please reply when convenient.'),
  },
  {
    id: 'spam.caps-subject',
    fires: { name: 'shouting', message: { subject: 'MAKE MONEY FAST FROM HOME' } },
    quiet: { name: 'normal', message: { subject: 'RFQ quartz slabs 2x40HQ' } },
  },
  {
    id: 'spam.html-only',
    fires: {
      name: 'text/html top level',
      message: { headers: [header('content-type', 'text/html; charset=us-ascii')] },
    },
    quiet: {
      name: 'multipart/alternative',
      message: { headers: [header('content-type', 'multipart/alternative; boundary=x')] },
    },
  },
  {
    id: 'spam.hidden-text',
    fires: {
      name: 'white text',
      message: { html: '<p>Hi</p><font color="#ffffff">cheap cheap cheap cheap words</font>' },
    },
    quiet: { name: 'visible', message: { html: '<p>Hi there, please quote.</p>' } },
  },
  {
    id: 'spam.fake-reply-subject',
    fires: { name: 'Re: without a thread', message: { subject: 'Re: your website' } },
    quiet: {
      name: 'Re: in a thread',
      message: { subject: 'Re: quotation', inReplyTo: 'q1@exporter-example.com' },
    },
  },
  {
    id: 'spam.generic-greeting',
    fires: textCase('fr', 'Cher Monsieur, nous vous contactons.'),
    quiet: textCase('named', 'Dear Lily, thanks.'),
  },
  // Scam content
  {
    id: 'scam.advance-fee',
    fires: textCase('fee', 'Pay the registration fee of USD 500 to the ministry agent.'),
    quiet: textCase('buyer', 'We pay 30% deposit.'),
  },
  {
    id: 'scam.overpayment',
    fires: textCase(
      'cheque',
      "Our client sends a cashier's check; wire back the difference to our shipping agent.",
    ),
    quiet: textCase('buyer', 'Balance against B/L copy.'),
  },
  {
    id: 'scam.payment-channel',
    fires: textCase('WU', 'Payment by Western Union only.'),
    quiet: textCase('buyer', 'Payment by T/T.'),
  },
  {
    id: 'scam.card-details',
    fires: textCase('card', 'Send your card number and CVV for verification.'),
    quiet: textCase('only card word', 'Business card attached.'),
  },
  {
    id: 'scam.bank-details',
    fires: textCase(
      'online banking',
      'Provide your online banking user ID for supplier verification.',
    ),
    quiet: textCase('buyer', 'Please issue a proforma invoice.'),
  },
  {
    id: 'scam.identity-document',
    fires: textCase('passport', 'Attach a copy of your passport and national ID card.'),
    quiet: textCase('buyer', 'Attach the test report.'),
  },
  {
    id: 'scam.credential-request',
    fires: textCase('login', 'Sign in to view the purchase order with your email password.'),
    quiet: textCase('buyer', 'See the attached drawing.'),
  },
  {
    id: 'scam.domain-registration',
    fires: textCase('zh', '我们是域名注册服务机构，有公司申请注册贵司品牌的中文域名和网络关键词。'),
    quiet: textCase('one phrase only', 'Our domain names changed last year.'),
  },
  {
    id: 'scam.sample-harvest',
    fires: textCase(
      'free samples',
      'Send free samples of all colors, you pay the courier, then a huge order.',
    ),
    quiet: textCase('paid', 'We will pay for the samples.'),
  },
  {
    id: 'scam.urgency',
    fires: textCase('urgent', 'URGENT: reply immediately.'),
    quiet: textCase('calm', 'Reply when you can.'),
  },
  {
    id: 'scam.advance-fee-419',
    fires: textCase(
      '419',
      'Confidential business proposal: transfer of US$ 12.5 million to a foreign account.',
    ),
    quiet: textCase('buyer', 'Two containers per year.'),
  },
  {
    id: 'scam.authority-tender',
    fires: textCase('ministry', 'The Federal Ministry of Works awards a government contract.'),
    quiet: textCase('buyer', 'For a hotel project.'),
  },
  // Spy content
  {
    id: 'spy.price-list',
    fires: textCase('full list', 'Send your complete price list for all products.'),
    quiet: textCase('one item', 'Price for 200 pcs of item QL-101.'),
  },
  {
    id: 'spy.capacity-probe',
    fires: textCase('es', '¿Cuál es su capacidad de producción y cuántas líneas de producción?'),
    quiet: textCase('lead time', 'What is the lead time?'),
  },
  {
    id: 'spy.customer-probe',
    fires: textCase('customers', 'Who are your main customers in Australia?'),
    quiet: textCase('reference', 'Do you ship to Australia?'),
  },
  {
    id: 'spy.supplier-probe',
    fires: textCase('resin', 'Who is your resin supplier?'),
    quiet: textCase('buyer', 'Which resin-free products do you have?'),
  },
  {
    id: 'spy.cost-probe',
    fires: textCase('cost', 'Give a cost breakdown with raw material cost and margin.'),
    quiet: textCase('buyer', 'Give your price FOB.'),
  },
  {
    id: 'spy.competitor-signature',
    fires: textCase('maker', 'We also produce quartz slabs in our own plant.'),
    quiet: textCase('fabricator', 'We install countertops for builders.'),
  },
  {
    id: 'spy.near-duplicate',
    fires: {
      name: 'same text, other sender',
      message: { text: 'Send full price list of all colours and your capacity per month please' },
      context: {
        recentInquiries: [
          {
            fingerprint: simhash(
              'Send full price list of all colours and your capacity per month please',
            ),
            sender: 'other@qq.com',
          },
        ],
      },
    },
    quiet: {
      name: 'same text, same sender',
      message: { text: 'Send full price list of all colours and your capacity per month please' },
      context: {
        recentInquiries: [
          {
            fingerprint: simhash(
              'Send full price list of all colours and your capacity per month please',
            ),
            sender: 'anna.schmidt@buyer-example.de',
          },
        ],
      },
    },
  },
  {
    id: 'spy.domestic-language-claims-foreign',
    fires: {
      name: 'Chinese text, German claim',
      language: 'zh',
      message: { text: `你好${GERMAN_SIGNATURE}` },
    },
    quiet: {
      name: 'Chinese text, Taiwanese claim',
      language: 'zh',
      message: { text: '你好\n\n陳先生\nTaipei, Taiwan\nTel +886 2 2345 6789' },
    },
  },
  // Genuine evidence
  {
    id: 'genuine.product-spec',
    fires: textCase('size', 'Slabs 3200 x 1600 mm, 20mm thick.'),
    quiet: textCase('vague', 'Your products please.'),
  },
  {
    id: 'genuine.quantity',
    fires: textCase('containers', '2 x 40HQ, about 600 pcs.'),
    quiet: textCase('vague', 'A big order later.'),
  },
  {
    id: 'genuine.incoterm',
    fires: textCase('FOB', 'Price FOB Xiamen.'),
    quiet: textCase('none', 'Your price.'),
  },
  {
    id: 'genuine.port',
    fires: textCase('port', 'CIF Port of Houston.'),
    quiet: textCase('none', 'Ship soon.'),
  },
  {
    id: 'genuine.certification',
    fires: textCase('NSF', 'NSF/ANSI 51 certificate and EN 14617 test report.'),
    quiet: textCase('none', 'Good quality.'),
  },
  {
    id: 'genuine.target-price',
    fires: textCase('target', 'Our target price is USD 38/sqm.'),
    quiet: textCase('none', 'Best price.'),
  },
  {
    id: 'genuine.payment-terms',
    fires: textCase('T/T', '30% T/T deposit, balance against B/L copy.'),
    quiet: textCase('none', 'Payment later.'),
  },
  {
    id: 'genuine.paid-sample',
    fires: textCase('paid', 'We will pay for the samples; use our DHL account.'),
    quiet: textCase('free', 'Send free samples.'),
  },
  {
    id: 'genuine.company-signature',
    fires: textCase('signature', `Please quote.${GERMAN_SIGNATURE}`),
    quiet: {
      name: 'same signature on gmail',
      message: {
        text: `Please quote.${GERMAN_SIGNATURE}`,
        from: { address: 'anna@gmail.com', name: 'Anna' },
      },
    },
  },
  {
    id: 'genuine.existing-thread',
    fires: {
      name: 'reply to our message',
      message: {
        inReplyTo: '2024103009154872@exporter-example.com',
        references: ['2024103009154872@exporter-example.com'],
      },
    },
    quiet: { name: 'reply to someone else', message: { inReplyTo: 'x@elsewhere.com' } },
  },
  // Learned token model
  {
    id: 'learned.spam-tokens',
    fires: {
      name: 'pharmacy words',
      message: { text: 'cheap pharmacy pills' },
      context: { tokenModel: spamModel },
    },
    quiet: {
      name: 'rules only',
      message: { text: 'cheap pharmacy pills' },
      context: { tokenModel: null },
    },
  },
  {
    id: 'learned.scam-tokens',
    fires: {
      name: 'scam words',
      message: { text: 'wire fee western union' },
      context: { tokenModel: modelOf('scam', ['wire fee western union']) },
    },
    quiet: {
      name: 'rules only',
      message: { text: 'wire fee western union' },
      context: { tokenModel: null },
    },
  },
  {
    id: 'learned.spy-tokens',
    fires: {
      name: 'spy words',
      message: { text: 'capacity customers price list' },
      context: { tokenModel: modelOf('spy', ['capacity customers price list']) },
    },
    quiet: {
      name: 'rules only',
      message: { text: 'capacity customers price list' },
      context: { tokenModel: null },
    },
  },
  {
    id: 'learned.clean-tokens',
    fires: {
      name: 'buyer words',
      message: { text: 'quote quartz slabs fob' },
      context: { tokenModel: spamModel },
    },
    quiet: {
      name: 'pharmacy words',
      message: { text: 'cheap pharmacy pills' },
      context: { tokenModel: spamModel },
    },
  },
];

describe('triage rules', () => {
  it('every rule has a row here, a default weight and both explanations', () => {
    expect(TRIAGE_RULES.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const rule of TRIAGE_RULES) {
      expect(DEFAULT_TRIAGE_CONFIG.weights[rule.id]).toBeGreaterThan(0);
      expect(rule.explanation.en).toMatch(/\.$/);
      expect(rule.explanation.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(rows)('$id fires on its case and stays quiet on the contrast', ({ id, fires, quiet }) => {
    const rule = TRIAGE_RULES.find((r) => r.id === id)!;
    const hit = evaluateRule(rule, fires);
    expect(hit).toBeDefined();
    expect(hit!.detail.length).toBeGreaterThan(0);
    expect(evaluateRule(rule, quiet)).toBeUndefined();
  });
});
