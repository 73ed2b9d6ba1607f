import { domainOf, registrableDomain } from '../analysis/domains';
import { hammingDistance } from '../analysis/fingerprint';
import { isFreeMailDomain } from '../analysis/mailbox-lists';
import { regexLiteral } from '../regex-literal';
import { perConfig } from '../triage.config';
import type { TriageRule } from './rule';
import { findPhrases, phraseMatcher, type PhraseMatcher } from './phrase-matcher';
import { phraseRule } from './rule';

export const priceListProbe = phraseRule({
  id: 'spy.price-list',
  class: 'spy',
  explanation: {
    en: 'The sender wants the full price list of every product with no project, quantity or market named.',
    zh: '对方索要全部产品的完整价格表，却不提具体项目、数量或市场。',
  },
  phrases: {
    en: [
      '(complete|full|whole|entire|latest|detailed|all) price ?(list|sheet)s?',
      'price ?(list|sheet) (of|for) (all|every|your (whole|entire|full))',
      'prices? (for|of) (all|every|each) (your )?(products?|items?|models?|colou?rs?)',
      '(all|every) (of )?your products',
      'full (product )?range',
      'every (product|item|model|colou?r) you (make|produce|have|sell)',
      '(complete|full) catalog(ue)? (with|and) prices?',
      'price (for|at) (each|every|different) quantit',
      'quantity (tiers|breaks) for (all|every)',
    ],
    es: [
      'lista (completa )?de precios( completa)?',
      'todos (los|sus) productos',
      'precios de todos',
    ],
    pt: ['tabela (completa )?de preços', 'todos os (seus )?produtos', 'lista de preços'],
    fr: ['liste (complète )?de(s)? prix', 'tous vos produits', 'grille tarifaire'],
    de: ['(komplette |vollständige )?preisliste', 'alle(r)? (ihre(r)? )?produkte'],
    ru: ['прайс-?лист', 'цены на (всю|все)', 'всей (вашей )?продукции', 'полный (прайс|каталог)'],
    ar: ['قائمة (الأسعار|أسعار) (الكاملة|كاملة)?', 'جميع (منتجاتكم|المنتجات)', 'أسعار جميع'],
    zh: ['价格表', '报价单', '全部产品', '所有产品', '全系列', '价目表'],
    it: ['listino (prezzi )?(completo)?', 'tutti i (vostri )?prodotti'],
    pl: ['cennik', 'wszystkich produktów', 'pełny cennik'],
    tr: ['fiyat listesi', 'tüm ürünler'],
    id: ['daftar harga', 'semua produk'],
    vi: ['bảng giá', 'tất cả sản phẩm'],
    ja: ['価格表', '全商品'],
    ko: ['가격표', '전 제품'],
  },
});

export const capacityProbe = phraseRule({
  id: 'spy.capacity-probe',
  class: 'spy',
  explanation: {
    en: 'The sender probes our production capacity, lines or equipment, which a buyer rarely needs at first contact.',
    zh: '对方打探我方产能、生产线或设备情况，真实买家初次询盘很少问这些。',
  },
  phrases: {
    en: [
      'production capacity',
      '(monthly|annual|yearly|daily) (output|capacity|production)',
      '(how many|number of) (production )?lines',
      'production lines?',
      'how many (workers|employees|machines|presses)',
      '(equipment|machines?) (you use|brand|list)',
      'output per (month|year|day)',
      'factory (size|area|layout)',
    ],
    es: ['capacidad (de producción|productiva)', 'líneas de producción', 'producción mensual'],
    pt: ['capacidade (de produção|produtiva)', 'linhas de produção', 'produção mensal'],
    fr: ['capacité de production', 'lignes de production', 'production mensuelle'],
    de: ['produktionskapazität', 'produktionslinien', 'monatliche produktion'],
    ru: [
      'производственн(ая|ые|ой) мощност',
      'производственн(ых|ые) лини',
      'объем производства',
      'сколько линий',
    ],
    ar: ['الطاقة الإنتاجية', 'خطوط (الإنتاج|إنتاج)', 'الإنتاج الشهري'],
    zh: ['产能', '生产线', '月产量', '年产量', '日产量', '几条线', '设备清单'],
    it: ['capacità produttiva', 'linee di produzione'],
    pl: ['moce produkcyjne', 'linii produkcyjnych', 'zdolność produkcyjn'],
    tr: ['üretim kapasite', 'üretim hatt'],
    id: ['kapasitas produksi', 'lini produksi'],
    vi: ['công suất', 'dây chuyền sản xuất'],
    ja: ['生産能力', '生産ライン'],
    ko: ['생산 능력', '생산 라인'],
  },
});

export const customerProbe = phraseRule({
  id: 'spy.customer-probe',
  class: 'spy',
  explanation: {
    en: 'The sender asks who our customers, distributors or agents are, or for shipping documents that name them.',
    zh: '对方打听我方客户、经销商或代理名单，或索要会暴露客户的出货单据。',
  },
  phrases: {
    en: [
      'who are your (main |major |biggest |existing )?(customers|clients|distributors|agents|buyers)',
      '(your )?(customer|client|distributor|agent|buyer) (list|names)',
      'list of (your )?(customers|clients|distributors|agents|buyers)',
      '(main|major|biggest|key|existing) (customers|clients|distributors|buyers) (in|from)',
      'which (companies|customers|importers) (do you|you) (supply|sell to|work with)',
      '(b/l|bill of lading|shipping documents?|invoices?) copies',
      'copies of (your )?(b/l|bills? of lading|invoices|shipping documents)',
      'consignee',
      'names? of (your )?(customers|clients|importers)',
      'customers in (the )?(us|usa|uk|eu|europe|australia|canada|germany|france|italy|spain|poland|russia|brazil|mexico|turkey|middle east)',
    ],
    es: [
      '(sus|tus) (principales )?clientes',
      'lista de clientes',
      'clientes (en|de) (méxico|españa|latinoamérica)',
    ],
    pt: ['(seus|vossos) (principais )?clientes', 'lista de clientes'],
    fr: ['vos (principaux )?clients', 'liste (de|des) clients'],
    de: ['ihre (wichtigsten )?kunden', 'kundenliste'],
    ru: ['ваш(их|и) (основны[хе] )?клиент', 'список клиентов', 'кому вы (поставляете|продаете)'],
    ar: ['عملائ(كم|ك)', 'قائمة العملاء'],
    zh: ['客户名单', '主要客户', '大客户', '客户有哪些', '合作客户', '出口到哪些'],
    it: ['(i )?vostri (principali )?clienti', 'elenco clienti'],
    pl: ['(waszych|państwa) klient', 'listę klientów', 'lista klientów'],
    tr: ['müşterileriniz', 'müşteri listesi'],
    id: ['pelanggan anda', 'daftar pelanggan'],
    vi: ['khách hàng của (bạn|quý công ty)', 'danh sách khách hàng'],
  },
});

export const supplierProbe = phraseRule({
  id: 'spy.supplier-probe',
  class: 'spy',
  explanation: {
    en: 'The sender asks where our raw materials or components come from, which only a competitor needs.',
    zh: '对方打听我方原材料或配件的供应商，这是同行才关心的信息。',
  },
  phrases: {
    en: [
      '(raw[- ]material|resin|sand|component|pigment|parts?|block|quarry) (suppliers?|sources?|vendors?)',
      'who (are|is) your (main )?suppliers?',
      'where do you (buy|source|get|purchase) (your )?(raw|the|materials?|resin|blocks?)',
      'source of (your )?(raw|materials?)',
      'your suppliers?',
    ],
    es: ['proveedores? de (materia prima|resina|componentes)', 'sus proveedores'],
    pt: ['fornecedores? de (matéria-prima|resina)', 'seus fornecedores'],
    fr: ['fournisseurs? de (matières premières|résine)', 'vos fournisseurs'],
    de: ['(rohstoff|harz)lieferanten', 'ihre lieferanten'],
    ru: ['поставщик(и|ов) (сырья|смолы|материалов)', 'ваши поставщики'],
    ar: ['موردي (المواد الخام|الخامات)', 'الموردين'],
    zh: ['原材料供应商', '原料来源', '供应商是', '树脂供应', '从哪里采购'],
    it: ['fornitori di (materie prime|resina)', 'vostri fornitori'],
    pl: ['dostawc(y|ów) (surowc|żywic)'],
    tr: ['hammadde tedarikçi'],
    id: ['pemasok bahan baku'],
    vi: ['nhà cung cấp nguyên liệu'],
  },
});

export const costProbe = phraseRule({
  id: 'spy.cost-probe',
  class: 'spy',
  explanation: {
    en: 'The sender asks for our cost breakdown, margins or bill of materials.',
    zh: '对方索要我方成本构成、利润率或物料清单。',
  },
  phrases: {
    en: [
      'cost (breakdown|structure|composition)',
      'breakdown of (the |your )?(cost|price)s?',
      '(raw )?material costs?',
      'labou?r costs?',
      '(profit )?margins?',
      'bill of materials',
      'bom',
      'production costs?',
      'cost per (square meter|sqm|m2|slab|unit) (of|for) (raw|material|production)',
    ],
    es: [
      'estructura de costos',
      'desglose de (costos|precios)',
      'costo de (materia prima|producción)',
      'margen',
    ],
    pt: ['estrutura de custos', 'composição de custos', 'custo de produção', 'margem'],
    fr: ['structure des coûts', 'décomposition (des coûts|du prix)', 'coût de production', 'marge'],
    de: ['kostenstruktur', 'kostenaufschlüsselung', 'herstellkosten', 'marge'],
    ru: ['себестоимост', 'структур(а|у) (затрат|цены|себестоимости)', 'маржа'],
    ar: ['هيكل التكلفة', 'تكلفة (الإنتاج|المواد)', 'هامش الربح'],
    zh: ['成本构成', '成本结构', '利润率', '成本明细', '原材料成本'],
    it: ['struttura dei costi', 'costi di produzione'],
    pl: ['struktura kosztów', 'koszty produkcji'],
    tr: ['maliyet yapısı', 'maliyet dökümü'],
    vi: ['cơ cấu chi phí', 'giá thành'],
  },
});

/** Phrases of a sender who makes what we make, or undefined when the company lists no products. */
const makerOf = perConfig((config): PhraseMatcher | undefined => {
  const products = config.ownProducts.map((p) => regexLiteral(p.toLowerCase()));
  if (products.length === 0) return undefined;
  return phraseMatcher([
    `(we|our (company|factory|group)) (also )?(produce|manufacture|make|are (a )?(producer|manufacturer|factory) of)[^.\\n]{0,40}(${products.join('|')})`,
    `(${products.join('|')})[^.\\n]{0,20}(producer|manufacturer|factory|plant|mill)`,
    `own (factory|plant|production line)`,
  ]);
});

export const competitorSignature: TriageRule = {
  id: 'spy.competitor-signature',
  class: 'spy',
  explanation: {
    en: 'The sender presents as a producer of the same goods we make, so the questions serve a competitor.',
    zh: '发件人自称生产与我方相同的产品，其询问实为同行打探。',
  },
  evaluate(facts) {
    const maker = makerOf(facts.config);
    if (!maker) return undefined;
    const found = findPhrases(maker, facts.content, 2);
    return found.length ? { detail: found[0]! } : undefined;
  },
};

export const nearDuplicate: TriageRule = {
  id: 'spy.near-duplicate',
  class: 'spy',
  explanation: {
    en: 'A nearly identical inquiry arrived recently from a different sender, as when a competitor sprays the same probe.',
    zh: '近期有另一个发件人发来几乎相同的询盘，疑似同行批量试探。',
  },
  evaluate(facts) {
    // Mailing-list traffic repeats the list's footer under every member's post; no probe comes that way.
    if (facts.header('list-id') !== undefined) return undefined;
    const recent = facts.context.recentInquiries ?? [];
    const own = facts.fingerprint;
    const bits = facts.config.scoring.nearDuplicateBits;
    // One company's own domain is one sender, whatever the local part (newsletters number each copy);
    // on free-mail only the address tells senders apart.
    const company =
      facts.senderSite && !isFreeMailDomain(facts.senderDomain) ? facts.senderSite : undefined;
    const sameSender = (sender: string | undefined): boolean =>
      sender === facts.senderAddress ||
      (company !== undefined && registrableDomain(domainOf(sender)) === company);
    const match = recent.find(
      (r) => !sameSender(r.sender) && hammingDistance(own, r.fingerprint) <= bits,
    );
    return match
      ? {
          detail: `${match.sender ?? 'another sender'} (${hammingDistance(own, match.fingerprint)} bits apart)`,
        }
      : undefined;
  },
};

/** Languages of the exporter's home country, by ISO country code. */
const HOME_LANGUAGES: Record<string, string[]> = { CN: ['zh'] };
/** Where Chinese is written natively too, so Chinese text from there proves nothing. */
const SHARED_LANGUAGE_COUNTRIES = ['CN', 'TW', 'HK', 'MO', 'SG', 'MY'];

export const domesticLanguageClaimsForeign: TriageRule = {
  id: 'spy.domestic-language-claims-foreign',
  class: 'spy',
  explanation: {
    en: "The sender claims to be a foreign buyer but writes in our own language or uses our country's mail software settings.",
    zh: '发件人自称海外买家，却使用中文书写或国内邮件客户端设置。',
  },
  evaluate(facts) {
    const { config } = facts;
    if (
      facts.claimedCountries.length === 0 ||
      facts.claimedCountries.some(
        (c) => SHARED_LANGUAGE_COUNTRIES.includes(c) || c === config.ownCountry,
      )
    )
      return undefined;
    const homeLanguages = HOME_LANGUAGES[config.ownCountry] ?? [];
    if (homeLanguages.includes(facts.language))
      return { detail: `writes ${facts.language}, claims ${facts.claimedCountries.join(', ')}` };
    const locale = [
      facts.header('content-language'),
      facts.header('x-mailer'),
      facts.header('user-agent'),
      facts.header('accept-language'),
    ].join(' ');
    if (config.ownCountry === 'CN' && /zh[-_]cn|foxmail|coremail|qqmail/i.test(locale))
      return {
        detail: `${locale.trim().slice(0, 60)}; claims ${facts.claimedCountries.join(', ')}`,
      };
    return undefined;
  },
};

export const spyContentRules: TriageRule[] = [
  priceListProbe,
  capacityProbe,
  customerProbe,
  supplierProbe,
  costProbe,
  competitorSignature,
  nearDuplicate,
  domesticLanguageClaimsForeign,
];
