import type { TriageRule } from './rule';
import { findPhrases, phraseMatcher } from './phrase-matcher';
import { phraseRule } from './rule';

export const seoPitch = phraseRule({
  id: 'spam.seo-pitch',
  class: 'spam',
  explanation: {
    en: 'The sender is selling search-engine ranking or website traffic services.',
    zh: '发件人在推销搜索引擎排名或网站流量服务。',
  },
  phrases: {
    en: [
      'seo',
      'search engine optimi[sz]ation',
      'first page (of|on) google',
      'google (ranking|rank|first page)',
      'rank(ing)? (higher )?(on|in) google',
      'backlinks?',
      'organic traffic',
      'website traffic',
      'i (was|have been) (checking|looking at|going through|analy[sz]ing) your website',
      'reply (with )?(yes|interested)',
      'top (of|on) (google|search)',
    ],
    es: [
      'posicionamiento (web|seo|en google)',
      'primera página de google',
      'tráfico (web|orgánico)',
    ],
    pt: ['otimização de sites', 'primeira página do google', 'tráfego orgânico'],
    fr: ['référencement', 'première page de google'],
    de: ['suchmaschinenoptimierung', 'erste(n)? seite (bei|von) google'],
    ru: ['продвижени[ея] сайта', 'первой странице', 'поисковой оптимизаци'],
    ar: ['تحسين محركات البحث', 'الصفحة الأولى (في|من) جوجل'],
    zh: ['网站优化', '谷歌排名', '搜索引擎优化', '首页排名', '关键词排名'],
    it: ['posizionamento (sul|su) google'],
    pl: ['pozycjonowanie'],
  },
});

export const webMarketingPitch = phraseRule({
  id: 'spam.web-marketing-pitch',
  class: 'spam',
  explanation: {
    en: 'The sender is selling web design, marketing, software or store-management services.',
    zh: '发件人在推销网站设计、营销推广、软件开发或店铺代运营服务。',
  },
  phrases: {
    en: [
      'web ?design',
      '(re)?design (of )?your website',
      'website (re)?design',
      'mobile app development',
      'app development',
      'social media (marketing|management)',
      'digital marketing',
      'lead generation',
      'generate (more )?leads',
      'increase your (sales|traffic|revenue)',
      'marketing (services|agency|campaign)',
      'software (development|outsourcing)',
      'outsourcing (services|company|team)',
      'store (operation|management)',
      'dedicated developers?',
      'our (team|agency) (can|will) help you',
    ],
    es: [
      'diseño web',
      'desarrollo web',
      'marketing digital',
      'redes sociales',
      'generación de leads',
    ],
    pt: ['criação de sites', 'marketing digital', 'desenvolvimento de (sites|aplicativos)'],
    fr: ['création de sites?', 'marketing digital', 'développement (web|d.applications)'],
    de: ['webdesign', 'online-marketing', 'softwareentwicklung'],
    ru: ['разработк[аи] сайтов', 'интернет-маркетинг', 'продвижение в соцсетях'],
    ar: ['تصميم (المواقع|مواقع)', 'التسويق الرقمي'],
    zh: ['网站建设', '代运营', '店铺运营', '推广服务', '营销方案', '引流', '询盘量'],
  },
});

export const directoryListing = phraseRule({
  id: 'spam.directory-listing',
  class: 'spam',
  explanation: {
    en: 'A "free" directory or trade-fair listing that turns into a paid contract in the small print.',
    zh: '所谓“免费”名录或展会目录登记，细则中却隐藏付费合同。',
  },
  phrases: {
    en: [
      'update (your )?(free )?(entry|listing|company (data|details|information))',
      '(update|updating) (of )?(your |the )?(company|exhibitor) (entry|data)',
      '(premium|basic|free) entry',
      '(expo|trade|fair|trade fair|exhibitor|business|company|export|b2b) directory',
      '(sign|signing) and return(ing)?',
      'per year plus vat',
      'return the (completed |signed )?form',
      'free (of charge )?(entry|listing|registration)',
      'correct(ion)? (of )?your (entry|data)',
      'annual (fee|price) of',
      'contract (period|term) of \\d',
      'per annum',
    ],
    es: [
      'directorio de (expositores|empresas|exportadores)',
      'actualice su (entrada|registro)',
      'registro gratuito',
    ],
    pt: ['diretório de (expositores|empresas)', 'atualize (o seu|seu) registo'],
    fr: ['annuaire (des exposants|professionnel)', 'mettre à jour votre (fiche|inscription)'],
    de: [
      'ausstellerverzeichnis',
      'firmenverzeichnis',
      'eintrag (aktualisieren|kostenlos)',
      'aktualisierung ihres eintrags',
      'jahresgebühr',
      'laufzeit von',
    ],
    ru: ['справочник (экспонентов|компаний)', 'обновите (вашу|свою) (запись|информацию)'],
    ar: ['دليل (العارضين|الشركات)'],
    zh: ['名录', '企业黄页', '展商目录'],
  },
});

export const dataList = phraseRule({
  id: 'spam.data-list',
  class: 'spam',
  explanation: {
    en: 'The sender is selling contact lists or trade data.',
    zh: '发件人在兜售客户名单或海关贸易数据。',
  },
  phrases: {
    en: [
      '(e-?mail|contact|attendee|attendees|buyers?|importers?|decision makers?) (list|lists|database)s? (of|for|with|from|includ)',
      '(attendee|buyers?|importers?|decision makers?) (list|lists|database)',
      '\\d[\\d,.]* ?(million |k )?(verified |targeted )?(e-?mail addresses|contacts|emails|leads|records)',
      'database of (\\w+ )?(importers|buyers|contacts)',
      'customs (data|records)',
      '(import|export|shipment) (data|records)',
      'verified (contacts|emails|leads)',
      'opt-in (list|database)',
    ],
    es: [
      'lista de (correos|contactos|compradores|asistentes)',
      'base de datos de (importadores|compradores|contactos)',
      'datos de aduanas?',
    ],
    pt: [
      'lista de (contatos|compradores|e-mails)',
      'base de dados de (importadores|compradores)',
      'dados alfandegários',
    ],
    fr: [
      'liste (de contacts|d.acheteurs|des participants)',
      'base de données (d.importateurs|de contacts)',
      'données douanières',
    ],
    de: ['adressliste', 'teilnehmerliste', 'kontaktdatenbank', 'zolldaten'],
    ru: [
      'баз[аыу] (данных )?(импортеров|импортёров|покупателей|контактов|импорта)',
      'таможенн(ые|ой|ая|ую) (данные|статистик|баз)',
    ],
    ar: ['قائمة (المشترين|المستوردين|الحضور)', 'قاعدة بيانات'],
    zh: ['海关数据', '客户名单', '采购商名录', '买家数据', '进口商数据'],
  },
});

export const freightPitch = phraseRule({
  id: 'spam.freight-pitch',
  class: 'spam',
  explanation: {
    en: 'A freight forwarder or logistics company is offering its rates unsolicited.',
    zh: '货代或物流公司主动推销运价。',
  },
  phrases: {
    en: [
      'freight forward(er|ing)',
      'shipping (rates|agent services)',
      '(sea|ocean|air|rail) freight (rates|services)?',
      'door[- ]to[- ]door',
      'our (latest )?(freight |shipping )?rates',
      'customs clearance services?',
      'logistics (services|solutions|company)',
      'book(ing)? (your )?(space|containers) with us',
    ],
    es: [
      'flete marítimo',
      'agente de carga',
      'transitario',
      'servicios logísticos',
      'tarifas de flete',
    ],
    pt: ['frete marítimo', 'transitário', 'agente de cargas', 'serviços logísticos'],
    fr: ['fret maritime', 'transitaire', 'services logistiques', 'commissionnaire de transport'],
    de: ['spedition', 'seefracht', 'luftfracht', 'frachtraten', 'logistikdienst'],
    ru: [
      'грузоперевозк',
      'логистическ(ие|их) услуг',
      'морские перевозки',
      'ставки (на )?фрахт',
      'экспедитор',
    ],
    ar: ['الشحن البحري', 'وكيل شحن', 'خدمات لوجستية'],
    zh: ['货代', '海运费', '运价', '物流服务', '订舱', '清关服务', '舱位', '双清'],
    tr: ['navlun', 'nakliye', 'lojistik hizmet'],
    it: ['spedizioni', 'trasporto merci'],
    pl: ['transport kolejowy', 'spedycj', 'fracht'],
  },
  // Under FOB or EXW the buyer ships with a forwarder of its own and says so.
  excluding: {
    en: [
      "(our|my|their|his|her|the (customer|client|buyer)'?s?) (own |nominated |appointed )?(freight )?forwarder",
      '(own|nominated|appointed) (freight )?forwarder',
      'forwarder (is )?(nominated|appointed) by (us|the (customer|client|buyer))',
    ],
    es: ['(nuestro|su) (propio )?(agente de carga|transitario)'],
    pt: ['(nosso|seu) (próprio )?(agente de cargas|transitário)'],
    fr: ['(notre|leur|son) (propre )?transitaire'],
    de: ['(unser|unsere|unseren|ihr|ihre|ihren|eigene|eigenen) (eigene[nr]? )?spedit(eur|ion)'],
    ru: ['(наш|свой|их) (собственный )?экспедитор'],
    zh: ['(自己的|我们的|我司的|我方的|客户的|指定的?)货代', '有(自己的)?货代'],
    tr: ['kendi (nakliye|lojistik)'],
    it: ['(nostro|nostra|loro) (proprio |propria )?(spedizioniere|agenzia di spedizioni)'],
    pl: ['(nasz|naszą|własny|własną) (spedytor|spedycj)'],
  },
});

export const supplierPitch = phraseRule({
  id: 'spam.supplier-pitch',
  class: 'spam',
  explanation: {
    en: 'The sender is offering its own products or services instead of asking to buy ours.',
    zh: '发件人是在推销自己的产品或服务，而不是向我们采购。',
  },
  phrases: {
    en: [
      'we are (a |an )?(leading |professional |reliable )?(manufacturer|supplier|factory|exporter|provider|consultancy|agency)s? (of|for|in|specializ)',
      'we (can )?(offer|provide|supply) (you )?(high[- ]quality|competitive|the best|professional|a full range)',
      'our (company|factory|firm) (offers|provides|specializes|specialises)',
      'at (very )?competitive prices?',
      'please find (attached )?our (catalog(ue)?|company profile|price list)',
      'free (trial|consultation|quote)',
      'special (offer|discount) for you',
    ],
    es: ['le ofrecemos', 'ofrecemos (servicios|productos|nuestros)', 'precios competitivos'],
    pt: ['oferecemos (serviços|produtos|os nossos)', 'preços competitivos'],
    fr: ['nous (proposons|offrons)', 'prix compétitifs'],
    de: [
      'wir (bieten|sind ein(e)?) ',
      'unser(e)? (angebot|dienstleistung)',
      'wettbewerbsfähige preise',
    ],
    ru: ['мы предлагаем', 'наша компания (предлагает|является)', 'выгодные (цены|условия)'],
    ar: ['نحن نقدم', 'نقدم لكم', 'أسعار تنافسية'],
    zh: ['我司专业', '我们提供', '我公司(专业|主营|是)', '欢迎来电', '价格优惠'],
    it: ['offriamo'],
    pl: ['oferujemy', 'jesteśmy (firmą|operatorem)'],
    tr: ['sunuyoruz', 'hizmeti veriyoruz'],
  },
});

export const eventPitch = phraseRule({
  id: 'spam.event-pitch',
  class: 'spam',
  explanation: {
    en: 'The sender is selling exhibition stands, fair services or event tickets.',
    zh: '发件人在推销展台搭建、展会服务或活动门票。',
  },
  phrases: {
    en: [
      '(exhibition|trade show|booth|stand) (design|builder|construction|contractor)',
      'stand building',
      'book your (booth|stand)',
      'exhibitor (package|registration)',
      'visitor registration',
    ],
    es: ['diseño de stands?', 'montaje de stands?'],
    pt: ['montagem de estandes?'],
    fr: ['conception de stands?', 'standiste'],
    de: ['messestand', 'messebau'],
    ru: ['застройк[аи] стенд', 'выставочн(ый|ые) стенд'],
    ar: ['تصميم الأجنحة'],
    zh: ['展台搭建', '展位设计', '特装'],
    it: ['allestimento', 'stand fieristic'],
  },
});

const REMOVE_PHRASES = phraseMatcher([
  'to be removed',
  'remove me',
  'removal (instructions|request)',
  'click (here )?(below )?to (be )?remove',
  'reply with ["\']?remove',
  'with ["\']?remove["\']? in the subject',
  'sent in compliance',
  'not (considered )?(to be )?spam',
  'this is not (a )?spam',
  'one[- ]time (mailing|e-?mail|message)',
  'bill s\\.? ?1618',
  'if you (wish|want|would like) to be removed',
  'removed from (our|this|the|future) (mailing|list|database|mailings)',
  'off (of )?our (mailing )?list',
  'you (are receiving|received) this (e-?mail|message) because',
  'opt[- ]?in (list|request)',
  'you (have )?(opted|signed) (in|up) (to|for)',
  'to opt[- ]out',
  'further transmissions',
  'will not receive (any )?further',
]);

export const removeList: TriageRule = {
  id: 'spam.remove-list',
  class: 'spam',
  explanation: {
    en: 'The message carries the remove-me and "this is not spam" wording of mass mailings.',
    zh: '邮件带有群发广告惯用的“退订/本邮件不是垃圾邮件”等字样。',
  },
  evaluate(facts) {
    const found = findPhrases(REMOVE_PHRASES, facts.content);
    return found.length
      ? {
          detail: found.slice(0, 3).join(', '),
          strength: Math.min(1 + 0.25 * (found.length - 1), 1.75),
        }
      : undefined;
  },
};

const FOOTER_PHRASES = phraseMatcher([
  'unsubscribe',
  'opt[- ]out',
  'reply (with )?["\']?stop',
  'to stop receiving',
  'manage (your )?(email )?preferences',
  'darse de baja',
  'cancelar (a )?(sua )?inscrição',
  'descadastr',
  'désabonner',
  'désinscri',
  'abmelden',
  'abbestellen',
  'отписаться',
  'إلغاء الاشتراك',
  '退订',
  '取消订阅',
  'disiscriviti',
  'wypisz',
  'abonelikten',
]);

export const bulkFooter: TriageRule = {
  id: 'spam.bulk-footer',
  class: 'spam',
  explanation: {
    en: 'The message ends with an unsubscribe footer: it was sent to a list, not written to us.',
    zh: '邮件结尾带有退订说明：这是群发邮件，而不是专门写给我们的。',
  },
  evaluate(facts) {
    if (facts.marketplace || facts.header('list-id')) return undefined;
    const found = findPhrases(FOOTER_PHRASES, facts.content, 2);
    return found.length ? { detail: found.join(', ') } : undefined;
  },
};

export const moneyOffer = phraseRule({
  id: 'spam.money-offer',
  class: 'spam',
  explanation: {
    en: 'The message uses the vocabulary of get-rich, loan, mortgage or prize spam.',
    zh: '邮件使用了致富、贷款、抵押或中奖类垃圾邮件的常见用语。',
  },
  phrases: {
    en: [
      'make (big |extra )?money',
      'earn (extra |up to )?(cash|money|income|\\$)',
      'financial freedom',
      'work(ing)? (from|at) home',
      'home[- ]based business',
      'mortgage',
      'refinanc\\w*',
      'lowest (interest )?rates?',
      'debt (consolidation|free|relief)',
      'credit card debt',
      'bad credit',
      'no credit check',
      'pre[- ]?approved',
      'free (gift|money|cash|vacation|trial|offer)',
      'cash (bonus|prize)',
      'million (dollars|emails|addresses)',
      '\\$\\d[\\d,]* (per|a|each) (week|month|day)',
      'multi[- ]level marketing',
      'network marketing',
      'investment opportunit\\w*',
      'stock (alert|pick|profile)',
      'penny stock',
      'online casino',
      'lottery',
      'you (have )?(won|been selected)',
      'business opportunit\\w*',
      'extra income',
      'residual income',
      'insurance (quote|rates)',
      'save (up to )?\\d+ ?%',
      '100 ?% (free|guaranteed|satisfaction)',
      'risk[- ]free',
      'money[- ]back guarantee',
      'no (obligation|cost to you)',
      'descrambler',
      '(ink|toner) cartridges?',
      'cheap(est)? (prices?|software)',
      'order (now|today)',
      'credit (report|rating|repair)',
      'wholesale prices?',
      'be your own boss',
      'double your',
    ],
    es: ['gane dinero', 'ingresos extra', 'trabaje desde casa'],
    pt: ['ganhe dinheiro', 'renda extra', 'trabalhe em casa'],
    fr: ['gagnez de l.argent', 'revenus? supplémentaires?'],
    de: ['geld verdienen', 'nebeneinkommen'],
    ru: ['заработ(ок|ать) (в интернете|дома)', 'дополнительный доход'],
    zh: ['轻松赚钱', '在家赚钱', '中奖', '贷款'],
    ar: ['اربح المال', 'دخل إضافي'],
  },
});

export const pharmacyAdult = phraseRule({
  id: 'spam.pharmacy-adult',
  class: 'spam',
  explanation: {
    en: 'The message advertises medicines, slimming products or adult content.',
    zh: '邮件在推销药品、减肥产品或成人内容。',
  },
  phrases: {
    en: [
      'viagra',
      'cialis',
      'phentermine',
      'xanax',
      'valium',
      '(online )?pharmacy',
      'prescriptions?',
      'weight loss',
      'lose (\\d+ (lbs|pounds)|weight)',
      'diet pills?',
      'herbal',
      'hgh',
      'anti[- ]aging',
      'penis',
      'enlarge\\w*',
      'erection',
      'sexual',
      'xxx',
      'adult (site|entertainment|content|movies?|videos?)',
      'porn\\w*',
      'horny',
      'nude',
      'hot (girls|babes|teens)',
      'live (webcam|cams?)',
      'singles in your area',
      'dating',
    ],
    es: ['farmacia en línea', 'perder peso'],
    pt: ['farmácia online', 'perder peso'],
    fr: ['pharmacie en ligne', 'perdre du poids'],
    de: ['online-apotheke', 'abnehmen'],
    ru: ['похуде\\w*', 'виагр'],
    zh: ['减肥', '壮阳', '成人'],
  },
});

export const hype = phraseRule({
  id: 'spam.hype',
  class: 'spam',
  explanation: {
    en: 'The message is full of advertising pressure phrases ("act now", "click here", "limited time").',
    zh: '邮件充斥“立即行动”“点击这里”“限时”等广告施压用语。',
  },
  minMatches: 2,
  phrases: {
    en: [
      'act now',
      'limited time',
      'click (here|below|the link)',
      "don'?t (delay|miss|wait)",
      'call now',
      'special promotion',
      'once in a lifetime',
      'this (is not|isn.t) a scam',
      'dear friends?',
      'guarantee(d)?',
      'amazing',
      '!!+',
      '\\$\\$+',
      'absolutely free',
      'no catch',
      'what are you waiting for',
      'satisfaction guaranteed',
      'limited (offer|supply)',
      'exclusive (offer|deal)',
      'visit our (web ?site|store)',
      'for (only|just) \\$',
      'order (now|today)',
      'apply (now|online)',
      'free!',
      'hurry',
      'while supplies last',
      'increase (your )?(sales|income)',
    ],
    es: ['haga clic aquí', 'oferta limitada', 'gratis'],
    pt: ['clique aqui', 'oferta limitada', 'grátis'],
    fr: ['cliquez ici', 'offre limitée', 'gratuit'],
    de: ['klicken sie hier', 'nur für kurze zeit', 'kostenlos'],
    ru: ['нажмите здесь', 'только сегодня', 'бесплатно'],
    zh: ['点击这里', '限时', '免费'],
    ar: ['انقر هنا', 'عرض محدود', 'مجانا'],
  },
});

export const capsSubject: TriageRule = {
  id: 'spam.caps-subject',
  class: 'spam',
  explanation: {
    en: 'The subject line shouts in capitals or with !!!/$$$, a mark of advertising mail.',
    zh: '邮件主题全部大写或带有 !!!、$$$ 等符号，是广告邮件的特征。',
  },
  evaluate(facts) {
    const subject = facts.subject;
    const letters = subject.replace(/[^A-Za-z]/g, '');
    const upper = subject.replace(/[^A-Z]/g, '');
    if (letters.length >= 10 && upper.length / letters.length >= 0.75)
      return { detail: subject.slice(0, 80) };
    if (
      /!!|\$\$|!\s*$|\s{3,}\S+$|\bfree\b/i.test(subject) &&
      !/^\s*(re|fw|fwd|aw|wg)\s*:/i.test(subject)
    )
      return { detail: subject.slice(0, 80), strength: 0.6 };
    return undefined;
  },
};

export const htmlOnly: TriageRule = {
  id: 'spam.html-only',
  class: 'spam',
  explanation: {
    en: 'The message is HTML only, with no plain-text version, as bulk-mail tools send it.',
    zh: '邮件只有 HTML 格式、没有纯文本版本，多见于群发工具。',
  },
  evaluate(facts) {
    const type = facts.header('content-type') ?? '';
    return /^\s*text\/html/i.test(type) ? { detail: type.split(';')[0]!.trim() } : undefined;
  },
};

export const hiddenText: TriageRule = {
  id: 'spam.hidden-text',
  class: 'spam',
  explanation: {
    en: 'The HTML contains invisible text (white or tiny font, hidden blocks) meant to fool filters.',
    zh: 'HTML 中藏有隐形文字（白色或极小字体、隐藏区块），用来躲避过滤。',
  },
  evaluate(facts) {
    if (facts.marketplace) return undefined;
    const html = facts.message.html.slice(0, 50_000).toLowerCase();
    const hit =
      /(color\s*[:=]\s*["']?(#fff(fff)?|white)\b[^>]*>[^<]{10,})|display\s*:\s*none[^>]*>[^<]{10,}|font-size\s*:\s*[01]px|<font[^>]*size\s*=\s*["']?1["']?[^>]*color/.exec(
        html,
      );
    return hit ? { detail: hit[0].slice(0, 60) } : undefined;
  },
};

export const fakeReplySubject: TriageRule = {
  id: 'spam.fake-reply-subject',
  class: 'spam',
  explanation: {
    en: 'The subject starts with "Re:" although the message does not reply to anything.',
    zh: '主题以“Re:”开头，但邮件并不是对任何邮件的回复。',
  },
  evaluate(facts) {
    const { message } = facts;
    if (!/^\s*(re|aw|回复|答复)\s*[:：]/i.test(message.subject)) return undefined;
    return message.inReplyTo || message.references.length
      ? undefined
      : { detail: message.subject.slice(0, 80) };
  },
};

export const genericGreeting = phraseRule({
  id: 'spam.generic-greeting',
  class: 'spam',
  explanation: {
    en: 'The message opens with a generic greeting instead of a name, as mass mailings do.',
    zh: '邮件使用泛泛的称呼而不是具体姓名，群发邮件常见。',
  },
  phrases: {
    en: [
      'dear (sir|madam|sir/madam|sir or madam|friend|manager|purchasing manager|sales manager|business owner|valued customer|customer|partner|colleague)s?',
      '(hello|hi|greetings),? (friend|dear|sir|madam|sir/madam|sir or madam)',
      'greetings (of|from) the day',
      'to whom it may concern',
      'dear (ceo|president|owner|website owner)',
    ],
    es: ['estimado (señor|cliente|amigo)', 'a quien corresponda'],
    pt: ['prezado (senhor|cliente)', 'caro (senhor|amigo)'],
    fr: ['cher (monsieur|ami|client)', 'madame, monsieur'],
    de: ['sehr geehrte damen und herren'],
    ru: ['уважаемые (господа|коллеги|партнеры)'],
    ar: ['عزيزي (العميل|المدير|السيد)', 'السادة المحترمين'],
    zh: ['尊敬的[^，,：:\\s]{0,6}(客户|经理|负责人|老板)', '贵公司负责人'],
  },
});

const OFFERS = phraseMatcher([
  // en
  'we (are|have been) (a |an )?[a-z -]{0,30}(manufacturer|supplier|exporter|producer|agency|company|operator|forwarder|consultancy|studio|provider)s? (of|for|in|with|based)',
  'i am a (freelance|professional)',
  'years of experience',
  '(my|our) portfolio',
  'we (offer|provide|supply|deliver|specialize|specialise|launch|help)',
  '(launches|introduces) (the |our )?new',
  'available (now|from stock)',
  'prices? (on request|from (usd|us\\$|\\$|eur))',
  'welcome to (visit|contact) (us|our)',
  'let us know your (monthly )?(requirement|needs)',
  'looking forward to (working|cooperating) with you',
  'our (services|rates|solutions|packages|clients include)',
  'we can help (you|your)',
  '(free|no-obligation) (audit|consultation|quote|trial|analysis)',
  'promotion',
  'special (offer|price)',
  'we would (love|like) to (help|work with|offer|support)',
  'send you (our )?(photos|stock list|catalog(ue)?|rates|proposal|portfolio)',
  'worth a (\\d+-minute |quick )?call',
  'book (qualified )?meetings',
  'are you looking to (win|grow|get|increase)',
  'quick question',
  // es pt fr de it pl tr
  'ofrecemos',
  'oferecemos',
  'nous (proposons|offrons)',
  'wir (bieten|sind ein)',
  'offriamo',
  'oferujemy',
  'sunuyoruz',
  'nuestros servicios',
  'nossos serviços',
  'nos services',
  'unsere (dienstleistungen|leistungen)',
  // ru ar zh
  'предлагаем',
  'наша компания',
  'veriyoruz',
  'hizmetlerimiz',
  'sunuyoruz',
  'proponujemy',
  'offriamo',
  'proponiamo',
  'realizziamo',
  'نحن نقدم',
  'نقدم لكم',
  '我司',
  '我们(提供|公司|是)',
  '本公司',
  '欢迎(来电|咨询|垂询)',
  '优惠',
  '特价',
  '专业(承接|提供|代理|生产)',
  '承接',
]);

const ASKS = phraseMatcher([
  'please (quote|send (us )?(your )?(best )?(price|quotation|offer|proforma))',
  '(kindly|pls) quote',
  'quotation for',
  'we (need|require|intend to (buy|order|import))',
  'we are (looking for|interested in (buying|purchasing|importing))',
  'we would like to (buy|order|purchase|import|get a quote)',
  'your best price',
  'request for quotation',
  'rfq',
  'we plan to (buy|order|import)',
  'purchase order',
  'cotizaci[oó]n',
  'necesitamos',
  'cota[cç][aã]o',
  'precisamos',
  'devis',
  'nous avons besoin',
  'angebot für',
  'wir benötigen',
  'preventivo',
  'zapytanie ofertowe',
  'fiyat teklifi',
  'просим (выставить|прислать)',
  'нам нужн',
  'نحتاج',
  'عرض سعر',
  '请报价',
  '求购',
  '我们需要',
  '見積',
  '견적',
]);

export const offerNotAsk: TriageRule = {
  id: 'spam.offer-not-ask',
  class: 'spam',
  explanation: {
    en: 'The sender offers products or services and asks us for nothing: a sales pitch, not an inquiry.',
    zh: '发件人只在推销自己的产品或服务，没有向我方询价：这是推销，不是询盘。',
  },
  evaluate(facts) {
    if (facts.marketplace) return undefined;
    const offers = findPhrases(OFFERS, facts.content);
    if (offers.length === 0 || findPhrases(ASKS, facts.content, 1).length > 0) return undefined;
    return { detail: offers.slice(0, 3).join(', '), strength: offers.length >= 2 ? 1 : 0.5 };
  },
};

export const spamContentRules: TriageRule[] = [
  offerNotAsk,
  seoPitch,
  webMarketingPitch,
  directoryListing,
  dataList,
  freightPitch,
  supplierPitch,
  eventPitch,
  removeList,
  bulkFooter,
  moneyOffer,
  pharmacyAdult,
  hype,
  capsSubject,
  htmlOnly,
  hiddenText,
  fakeReplySubject,
  genericGreeting,
];
