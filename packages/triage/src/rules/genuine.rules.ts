import { domainOf, hostMatches } from '../analysis/domains';
import { isFreeMailDomain } from '../analysis/mailbox-lists';
import { signatureBlock } from '../analysis/claimed-country';
import type { TriageRule } from './rule';
import { findPhrases, phraseMatcher } from './phrase-matcher';
import { phraseRule } from './rule';

export const productSpec = phraseRule({
  id: 'genuine.product-spec',
  class: 'genuine',
  explanation: {
    en: 'The sender names specific products with sizes, thicknesses or model numbers.',
    zh: '对方明确提出具体产品、尺寸、厚度或型号。',
  },
  phrases: {
    any: [
      '\\d{2,4} ?(mm|cm|m)? ?[x×*] ?\\d{2,4} ?(mm|cm|m)?( ?[x×*] ?\\d{1,3} ?(mm|cm))?',
      '\\d{1,3}(\\.\\d)? ?(mm|cm)( thick| thickness)?',
      '\\d{2,3} ?["”]',
      '\\d+\'\\s?-?\\d+"',
      '(model|item|ref|art|sku|code)\\.? ?(no\\.?|number|#)? ?:? ?[a-z]{0,4}-?\\d{2,}',
      '[a-z]{1,4}-[a-z]?\\d{2,5}[a-z]?',
      'hs code',
    ],
  },
});

export const quantity = phraseRule({
  id: 'genuine.quantity',
  class: 'genuine',
  explanation: {
    en: 'The sender states a quantity, container load or annual volume.',
    zh: '对方给出了采购数量、柜量或年采购量。',
  },
  phrases: {
    any: [
      '\\d[\\d,.]* ?(pcs|pieces|sets|units|slabs|sqm|m2|m²|square (meters|metres|feet)|sq\\.? ?(ft|m)|containers?|tons?|tonnes|fcl|lcl)',
      "\\d ?x ?(20|40)\\s?'?\\s?(hq|hc|gp|ft|fcl|dv)",
      "(20|40)\\s?'?\\s?(hq|hc|gp)",
      '\\d+ ?containers?',
      'annual (volume|purchase|consumption)',
      'trial order of \\d',
    ],
    zh: ['\\d+ ?(件|片|套|块|平方米|平方|平米|个柜|柜|吨)'],
    es: ['\\d+ ?(piezas|unidades|contenedores?|metros cuadrados)'],
    pt: ['\\d+ ?(peças|unidades|contêineres|contentores|metros quadrados)'],
    fr: ['\\d+ ?(pièces|unités|conteneurs?|mètres carrés)'],
    de: ['\\d+ ?(stück|stk|container|quadratmeter)'],
    ru: ['\\d+ ?(шт|штук|м2|м²|контейнер|кв\\.? ?м)'],
    ar: ['\\d+ ?(قطعة|حاوية|متر مربع)'],
    other: ['\\d+ ?(adet|sztuk|szt|buah|cái|枚|개|pezzi|tấm|lembar)'],
  },
});

export const incoterm = phraseRule({
  id: 'genuine.incoterm',
  class: 'genuine',
  explanation: {
    en: 'The sender names a delivery term (FOB, CIF, EXW...), as real importers do.',
    zh: '对方提出了贸易术语（FOB、CIF、EXW 等），这是真实进口商的做法。',
  },
  phrases: { any: ['(exw|fca|fas|fob|cfr|cif|cpt|cip|dap|dpu|ddp|c&f|cnf)'] },
});

export const port = phraseRule({
  id: 'genuine.port',
  class: 'genuine',
  explanation: {
    en: 'The sender names a destination port or delivery place.',
    zh: '对方指明了目的港或交货地点。',
  },
  phrases: {
    en: [
      'port of [a-z]+',
      '(fob|cif|cfr|c&f|cnf|dap|ddp) [a-z]{4,}',
      'destination port',
      'discharge port',
      'port (klang|said|louis|harcourt|qasim|elizabeth)',
    ],
    es: ['puerto de [a-z]+'],
    pt: ['porto de [a-z]+'],
    fr: ['port (de|du|d.) ?[a-z]+'],
    de: ['hafen [a-z]+'],
    ru: ['порт[ау]? [а-я]+'],
    ar: ['ميناء'],
    zh: ['目的港', '[\\p{Script=Han}]{2,3}港'],
  },
});

export const certification = phraseRule({
  id: 'genuine.certification',
  class: 'genuine',
  explanation: {
    en: 'The sender asks for the certification their market requires (CE, NSF, EN, ASTM...).',
    zh: '对方要求其市场所需的认证（CE、NSF、EN、ASTM 等）。',
  },
  phrases: {
    any: [
      'ce (mark|marking|certificate|certification)',
      'ukca',
      'inmetro',
      'saso',
      'saber',
      'eac',
      'lfgb',
      'nsf',
      'astm ?[a-z]?\\d+',
      'en ?\\d{3,5}',
      'iso ?\\d{3,5}',
      'soncap',
      'gcc',
      'fda',
      'reach',
      'rohs',
      'dop',
      'form ?e',
      'certificate of origin',
      'c/o',
      'moca',
      'test reports?',
      'greenguard',
      'kc mark',
      'jis',
      'sni',
      'coc',
    ],
    zh: ['检测报告', '原产地证'],
  },
});

export const targetPrice = phraseRule({
  id: 'genuine.target-price',
  class: 'genuine',
  explanation: {
    en: 'The sender gives a target price or budget.',
    zh: '对方给出了目标价格或预算。',
  },
  phrases: {
    en: [
      'target price',
      'our budget',
      'price (around|below|under|of about) (usd|us\\$|\\$|eur|€)',
      '(usd|us\\$|\\$|eur|€) ?\\d+(\\.\\d+)? ?(/|per) ?(sqm|m2|pc|piece|slab|set|unit|sq\\.? ?ft)',
    ],
    es: ['precio objetivo'],
    pt: ['preço[- ]alvo'],
    fr: ['prix cible'],
    de: ['zielpreis'],
    ru: ['целевая цена'],
    ar: ['السعر المستهدف'],
    zh: ['目标价'],
  },
});

export const paymentTerms = phraseRule({
  id: 'genuine.payment-terms',
  class: 'genuine',
  explanation: {
    en: 'The sender proposes normal trade payment terms (T/T deposit, L/C).',
    zh: '对方提出了常规的贸易付款方式（T/T 定金、信用证等）。',
  },
  phrases: {
    en: [
      't/t',
      'l/c',
      'letter of credit',
      '\\d{2}% (deposit|advance|down payment)',
      '\\d{2}/\\d{2} (t/t|tt)',
      'balance (against|before|after) (b/l|copy|shipment|loading)',
      'd/p',
      'payment terms',
    ],
    es: ['carta de crédito', 'depósito del \\d', 'anticipo'],
    pt: ['carta de crédito', 'sinal de \\d', 'adiantamento'],
    fr: ['lettre de crédit', 'acompte'],
    de: ['akkreditiv', 'anzahlung'],
    ru: ['аккредитив', 'предоплат'],
    ar: ['اعتماد مستندي', 'دفعة مقدمة'],
    zh: ['信用证', '定金', '尾款', '预付'],
  },
});

export const paidSample = phraseRule({
  id: 'genuine.paid-sample',
  class: 'genuine',
  explanation: {
    en: 'The sender offers to pay for samples or use their own courier account.',
    zh: '对方愿意支付样品费或使用自己的快递账号。',
  },
  phrases: {
    en: [
      '(we will|we.ll|happy to|willing to|we can|we) pay (for )?(the )?(samples?|sample (cost|fee)|courier)',
      'sample (cost|fee|charge)s?',
      '(our|own) (courier|dhl|fedex|ups) account',
      '(dhl|fedex|ups) account',
      'freight collect',
      'paid samples?',
    ],
    es: ['pagaremos (las|el costo de las) muestras', 'cuenta de (dhl|fedex|courier)'],
    pt: ['pagaremos (as|pelas) amostras', 'conta (dhl|fedex)'],
    fr: ['nous (paierons|payerons) les échantillons', 'compte (dhl|fedex)'],
    de: ['muster (bezahlen|kosten)', 'kostenpflichtige muster'],
    ru: ['оплатим образц', 'стоимость образцов'],
    ar: ['سندفع (ثمن|تكلفة) العينات'],
    zh: ['样品费', '到付', '我们承担(运费|样品)'],
  },
});

const COMPANY = phraseMatcher([
  'ltd',
  'llc',
  'inc',
  'gmbh',
  's\\.?a\\.?',
  's\\.?l\\.?',
  'pty',
  'co\\.',
  'corp',
  'sarl',
  's\\.?r\\.?l\\.?',
  'sp\\. z o\\.o\\.',
  'bv',
  'ag',
  'oy',
  'ab',
  'a/s',
  'limited',
  'company',
  'ооо',
  'тоо',
  'ltda',
  'sas',
  'kg',
  'pvt',
  'tbk',
  'a\\.ş\\.',
  '有限公司',
  '株式会社',
  '주식회사',
  'شركة',
  'công ty',
]);

export const companySignature: TriageRule = {
  id: 'genuine.company-signature',
  class: 'genuine',
  explanation: {
    en: 'The message ends with a full company signature on a company domain.',
    zh: '邮件结尾有完整的公司签名，且使用公司域名邮箱。',
  },
  evaluate(facts) {
    if (
      !facts.senderSite ||
      isFreeMailDomain(facts.senderSite) ||
      facts.config.domesticFreeMail.includes(facts.senderSite)
    )
      return undefined;
    const signature = signatureBlock(facts.body).toLowerCase();
    const company = findPhrases(COMPANY, signature, 1)[0];
    const contact = /(\+?\d[\d\s().-]{7,}\d)|www\.|https?:\/\//.test(signature);
    return company && contact
      ? { detail: `${company} signature, ${facts.senderDomain}` }
      : undefined;
  },
};

export const existingThread: TriageRule = {
  id: 'genuine.existing-thread',
  class: 'genuine',
  explanation: {
    en: 'The message replies to a mail we sent, so the conversation already exists.',
    zh: '这是对我方已发邮件的回复，双方已有往来。',
  },
  evaluate(facts) {
    const { message, config, context } = facts;
    const ids = [message.inReplyTo, ...message.references].filter((id): id is string =>
      Boolean(id),
    );
    const ours = new Set(context.ourMessageIds ?? []);
    const hit = ids.find((id) => ours.has(id) || hostMatches(domainOf(id), config.ownDomains));
    return hit ? { detail: hit } : undefined;
  },
};

export const genuineRules: TriageRule[] = [
  productSpec,
  quantity,
  incoterm,
  port,
  certification,
  targetPrice,
  paymentTerms,
  paidSample,
  companySignature,
  existingThread,
];
