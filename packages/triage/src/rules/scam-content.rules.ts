import type { TriageRule } from './rule';
import { phraseRule } from './rule';

export const advanceFee = phraseRule({
  id: 'scam.advance-fee',
  class: 'scam',
  explanation: {
    en: 'We are asked to pay a fee up front (registration, licence, certificate, inspection) before any business, the core of advance-fee fraud.',
    zh: '要求我方在交易前先支付注册费、许可证费、认证费或检验费等费用，这是预付费诈骗的核心手法。',
  },
  phrases: {
    en: [
      '(registration|processing|application|licen[cs]e|certificat(e|ion)|inspection|audit|accreditation|participation|homologation|clearance|documentation|administrative|vendor|tender|bid bond|laboratory|testing|approval|noc) (fee|fees|charge|charges|cost)',
      'pay (the|a|this) (fee|charge)',
      'fee (must|should) be paid',
      '(vendor|supplier) registration',
      'import licen[cs]e',
      'designated (laborator|agent|inspection)',
      'refundable (deposit|fee)',
    ],
    es: [
      '(tasa|cuota|tarifa|cargo) de (registro|inscripción|certificación|inspección|homologación)',
      'pago (previo|anticipado) de',
      'licencia de importación',
    ],
    pt: [
      'taxa de (registro|registo|inscrição|certificação|inspeção|homologação)',
      'licença de importação',
    ],
    fr: [
      'frais d.(inscription|enregistrement|homologation|agrément|dossier)',
      'frais de (certification|participation|dossier)',
      'licence d.importation',
    ],
    de: [
      '(registrierungs|zertifizierungs|prüf|bearbeitungs|teilnahme|akkreditierungs)gebühr',
      'gebühr (von|in höhe)',
    ],
    ru: [
      '(регистрационный|аккредитационный) (сбор|взнос)',
      'взнос за (участие|аккредитацию)',
      'оплат(ить|а) (сбор|взнос)',
      'аккредитац',
    ],
    ar: ['رسوم (التسجيل|الاعتماد|الفحص|الترخيص|الشهادة)', 'دفع رسوم'],
    zh: ['注册费', '认证费', '检测费', '手续费', '保证金', '入围费', '审核费'],
    id: ['biaya (pendaftaran|sertifikasi|laboratorium|pengujian|administrasi)'],
    ko: ['등록비', '수수료'],
  },
});

export const overpayment = phraseRule({
  id: 'scam.overpayment',
  class: 'scam',
  explanation: {
    en: 'The buyer will pay more than the price and asks for the difference back, the classic cheque-overpayment fraud.',
    zh: '买家声称多付货款并要求退还差额，这是典型的支票超付诈骗。',
  },
  phrases: {
    en: [
      '(cheque|check) (for|in|of) (the )?(full )?(amount|excess|sum)',
      'in excess of the',
      'excess (amount|funds|payment|balance)',
      '(refund|return|wire|send) (back )?(the )?(balance|difference|excess|remaining)',
      'overpa(id|yment)',
      "cashier'?s (cheque|check)",
      'certified (cheque|check)',
      'money order',
      '(pay|paid) (to )?(our|my|the) (shipping agent|forwarder|shipper)',
      'pay (our|my) (shipping )?agent',
    ],
    es: [
      'cheque (bancario )?(de caja|certificado|por el (monto|importe))',
      'monto excedente',
      '(devolver|reembolsar|transferir) (esa|la) diferencia',
      'excedente',
      '(nuestro|su) agente de transporte',
    ],
    pt: [
      'cheque (administrativo|visado|bancário)',
      'valor excedente',
      '(devolver|transferir) a diferença',
    ],
    fr: ['chèque (de banque|certifié)', 'montant excédentaire', 'rembourser la différence'],
    de: ['scheck über', 'überzahlung', 'differenz zurück'],
    ru: ['переплат', 'вернуть разницу', 'чек на сумму'],
    ar: ['المبلغ الزائد', 'إعادة الفرق', 'شيك'],
    zh: ['多付', '退还差额', '支票'],
  },
});

export const paymentChannel = phraseRule({
  id: 'scam.payment-channel',
  class: 'scam',
  explanation: {
    en: 'The buyer wants untraceable or unusual payment channels (Western Union, several cards, gift cards).',
    zh: '买家要求使用难以追踪或不寻常的付款方式（西联汇款、多张信用卡、礼品卡等）。',
  },
  phrases: {
    en: [
      'western union',
      'moneygram',
      '(several|multiple|different|two|three) (credit )?cards',
      'split (the )?payment (across|between|over) cards',
      'gift cards?',
      'bitcoin',
      'crypto ?currency',
    ],
    es: ['varias tarjetas'],
    pt: ['vários cartões'],
    zh: ['西联', '多张信用卡'],
    ru: ['несколько карт'],
  },
});

export const cardDetails = phraseRule({
  id: 'scam.card-details',
  class: 'scam',
  minMatches: 2,
  explanation: {
    en: 'The sender asks for card numbers, security codes or expiry dates.',
    zh: '发件人索要银行卡号、安全码或有效期。',
  },
  phrases: {
    en: [
      'card (number|details|holder name)',
      'cvv2?',
      'cvc',
      'security code',
      'expiry date',
      'expiration date',
      'front and back of (the|your) card',
    ],
    es: ['número de (la )?tarjeta', 'código de seguridad'],
    pt: ['número do cartão', 'código de segurança'],
    fr: ['numéro de (la )?carte', 'cryptogramme'],
    de: ['kartennummer', 'prüfnummer'],
    ru: ['номер (банковской )?карты', 'cvv-код'],
    ar: ['رقم البطاقة'],
    zh: ['卡号', '安全码', '有效期'],
  },
});

export const bankDetails = phraseRule({
  id: 'scam.bank-details',
  class: 'scam',
  explanation: {
    en: 'The sender wants our bank or online-banking details before talking about any product.',
    zh: '发件人在谈产品之前就索要我方银行账户或网银信息。',
  },
  phrases: {
    en: [
      'online banking',
      'internet banking',
      'banking (login|password|user ?(name|id))',
      '(your|company) bank (account )?(details|information|statement)',
      'account (number|details) and (sort code|routing|swift)',
      'bank reference letter',
    ],
    es: ['datos bancarios', 'banca en línea'],
    pt: ['dados bancários', 'internet banking'],
    fr: ['coordonnées bancaires', 'rib'],
    de: ['bankverbindung', 'onlinebanking'],
    ru: ['банковские реквизиты', 'реквизиты (вашего )?счета', 'онлайн-банк'],
    ar: ['(التفاصيل|البيانات) المصرفية', 'بيانات الحساب البنكي'],
    zh: ['银行账户信息', '网银', '银行流水'],
  },
});

export const identityDocument = phraseRule({
  id: 'scam.identity-document',
  class: 'scam',
  explanation: {
    en: 'The sender asks for passports, ID cards or personal details at first contact.',
    zh: '初次联系就索要护照、身份证或个人信息。',
  },
  phrases: {
    en: [
      'passport (copy|number|details|page)',
      'copy of (the |your )?passport',
      '(national )?id (card|copy|document)',
      'copy of (your|the) (id|identity|passport|director.s id)',
      "driver'?s licen[cs]e",
      'full name(s)?,? (address )?and (direct )?(phone|mobile|telephone)',
      'proof of identity',
      'identity (card|document|verification)',
    ],
    es: [
      'pasaporte',
      'documento de identidad',
      'cédula',
      'nombre completo,? (su )?dirección y (número de )?teléfono',
    ],
    pt: ['passaporte', 'documento de identidade', 'rg e cpf'],
    fr: ['passeport', 'pièce d.identité', 'carte d.identité'],
    de: ['reisepass', 'personalausweis'],
    ru: ['паспорт', 'удостоверени[ея] личности'],
    ar: ['جواز السفر', '(بطاقة|صورة) الهوية'],
    zh: ['身份证', '护照'],
    id: ['ktp', 'paspor'],
  },
});

export const credentialRequest = phraseRule({
  id: 'scam.credential-request',
  class: 'scam',
  explanation: {
    en: 'The message asks us to sign in or enter a password to see an order or document: a phishing attempt.',
    zh: '邮件要求登录或输入密码才能查看订单或文件，这是钓鱼诈骗。',
  },
  phrases: {
    en: [
      '(enter|confirm|verify|update|provide|re-?enter|submit) (your )?(e-?mail )?password',
      'your password (will|has|is about to) expire',
      '(sign|log) ?in (to|with your|using your) (view|download|access|open|confirm|see|your (e-?mail|mailbox|account))',
      'verify your (account|e-?mail|mailbox|identity)',
      'enter your (e-?mail|password|credentials|login)',
      'mailbox (quota|upgrade|verification|will be)',
      'account will be (suspended|closed|deactivated|disabled)',
      'confirm your (e-?mail|account|login)',
      'login credentials',
      'user ?(name|id) and password',
      're-?validate',
    ],
    es: [
      '(ingrese|introduzca|confirme|verifique|actualice) (su|tu) contraseña',
      'inicie sesión',
      'iniciar sesión para',
    ],
    pt: [
      '(digite|informe|confirme|insira|atualize) (a )?(sua )?senha',
      'faça login',
      'fazer login para',
    ],
    fr: [
      '(entrez|saisissez|confirmez|vérifiez) votre mot de passe',
      'connectez-vous',
      'identifiez-vous',
    ],
    de: [
      '(passwort|kennwort) (eingeben|bestätigen)',
      'geben sie ihr (passwort|kennwort)',
      'melden sie sich (mit|an)',
    ],
    ru: ['(введите|подтвердите|укажите) (ваш |свой )?пароль', 'войдите', 'авторизуйтесь'],
    ar: ['أدخل كلمة (المرور|السر)', 'تسجيل الدخول'],
    zh: [
      '(输入|确认|验证|提供)(您的|你的)?(邮箱)?密码',
      '登录(查看|邮箱|账号)',
      '邮箱(升级|验证|将被)',
      '账号验证',
    ],
    ja: ['パスワードを(入力|確認)', 'ログインして(確認|ご覧)'],
    ko: ['비밀번호를? ?(입력|확인)', '로그인하여 (확인|보기)'],
  },
});

export const domainRegistration = phraseRule({
  id: 'scam.domain-registration',
  class: 'scam',
  explanation: {
    en: 'A "domain name registration" letter claiming someone wants our brand as a domain: a pressure sale, not a customer.',
    zh: '所谓“域名注册审核”来信，声称有人要注册我方品牌域名，实为恐吓推销，并非客户。',
  },
  minMatches: 2,
  phrases: {
    en: [
      'domain name(s)? registration',
      'internet keyword',
      '(forward|transfer|pass) (this|it|this e-?mail|this letter) to your (ceo|president|manager|boss|principal)',
      'audit(ing)? period',
      '\\.cn',
      '\\.com\\.cn',
      '\\.asia',
      '(conflict|conflicts) with your (company|brand|trademark)',
      'applied (for|to register)',
      'registration (center|centre|department)',
      '(your|the) (brand|trade) ?name',
      'domain names?',
      'registered (by|with) us',
      'within (7|seven|10|ten) (working )?days',
    ],
    zh: [
      '域名注册',
      '网络关键词',
      '审核期',
      '转(交|给)贵(公司|司)(领导|负责人|总经理)',
      '通用网址',
      '中文域名',
      '(商标|品牌)(冲突|名称)',
      '申请注册',
      '域名',
      '注册服务(中心|机构)',
      '工作日内',
    ],
  },
});

export const sampleHarvest = phraseRule({
  id: 'scam.sample-harvest',
  class: 'scam',
  explanation: {
    en: 'The sender wants free samples of everything, shipped at our cost, with only a vague promise of a big order.',
    zh: '对方索要所有型号的免费样品，运费由我方承担，仅含糊承诺日后大单。',
  },
  phrases: {
    en: [
      'free samples?',
      'samples? of (all|every|each) (of your )?(models?|colou?rs?|items?|products?|designs?)',
      '(all|every) (models?|colou?rs?|designs?) (as )?samples?',
      '(you|supplier|your company) (will |should |must )?(pay|bear|cover) (for )?(the )?(courier|shipping|freight|express)',
      'samples? (free of charge|at no cost|at your cost)',
      'huge order',
      '(big|large|bulk) order (after|once|when)',
      "(can ?not|won'?t|do not|don'?t) pay for (the )?samples?",
    ],
    es: ['muestras? gratis', 'muestras gratuitas', 'todos los (modelos|colores)'],
    pt: ['amostras? grátis', 'amostras gratuitas', 'todas as cores'],
    fr: ['échantillons? gratuits?', 'toutes les couleurs'],
    de: ['kostenlose muster', 'alle farben'],
    ru: ['бесплатн(ые|ых) образц', 'все цвета'],
    ar: ['عينات مجانية', 'جميع الألوان'],
    zh: ['免费样品', '所有(型号|款式|颜色)(的)?样品', '运费(由)?(你方|贵司)'],
    ja: ['無料サンプル', '全色', '全カラー', '無償で', '送料.{0,8}負担', '大口(の)?注文'],
    ko: ['무료 샘플'],
  },
});

export const urgency = phraseRule({
  id: 'scam.urgency',
  class: 'scam',
  explanation: {
    en: 'The message pushes for immediate action, a pressure tactic of fraud.',
    zh: '邮件催促立即行动，这是诈骗常用的施压手段。',
  },
  phrases: {
    en: [
      'urgent(ly)?',
      'immediately',
      'within (24|48) hours',
      'today only',
      'final (notice|reminder|warning)',
      'last (chance|warning)',
      'ship (it )?today',
      'as a matter of urgency',
      'expires? (today|soon|in)',
    ],
    es: ['urgente', 'inmediatamente'],
    pt: ['urgente', 'imediatamente'],
    fr: ['urgent', 'immédiatement'],
    de: ['dringend', 'sofort'],
    ru: ['срочно', 'немедленно'],
    ar: ['عاجل', 'فورا', 'فوراً'],
    zh: ['紧急', '立即', '立刻', '马上'],
    id: ['segera', 'mendesak'],
    ko: ['긴급', '즉시'],
    ja: ['至急', '緊急'],
  },
});

export const advanceFee419 = phraseRule({
  id: 'scam.advance-fee-419',
  class: 'scam',
  explanation: {
    en: 'A "confidential proposal", inheritance or contract-award story: the classic 419 advance-fee fraud.',
    zh: '“机密商业提议”、遗产或合同中标故事，是经典的 419 预付费诈骗。',
  },
  phrases: {
    en: [
      'confidential (business )?(proposal|transaction)',
      'next of kin',
      'inheritance',
      'beneficiary',
      'late (husband|father|client|wife)',
      '(transfer|remit) (of )?(the )?(sum|fund|funds)',
      'us\\$ ?\\d+(\\.\\d+)? ?million',
      '\\d+(\\.\\d+)? million (united states |us )?dollars',
      'god (bless|fearing)',
      'barrister',
      'diplomat(ic)?',
      'consignment box',
      'atm card',
      'compensation (fund|payment)',
      'contract (award|sum)',
      'foreign (partner|account)',
      'strictest confidence',
      'huge sum',
      'dormant account',
      'treasury',
      'central bank',
    ],
    es: ['propuesta confidencial', 'herencia'],
    pt: ['proposta confidencial', 'herança'],
    fr: ['proposition confidentielle', 'héritage'],
    ru: ['наследство', 'конфиденциальн(ое|ая) предложени'],
    zh: ['遗产', '机密交易'],
  },
});

export const authorityTender = phraseRule({
  id: 'scam.authority-tender',
  class: 'scam',
  explanation: {
    en: 'The sender poses as a ministry, government body or big company tender, often to demand a fee.',
    zh: '发件人冒充政府部门、部委或大公司招标，常以此索要费用。',
  },
  phrases: {
    en: [
      'ministry of',
      'federal (ministry|government)',
      'government (contract|tender|procurement|approved)',
      'closed tender',
      'tender (award|committee|board)',
      'procurement (department|committee|officer)',
      'approved (vendor|supplier) list',
      'vendor (portal|registration)',
    ],
    es: ['ministerio de', 'licitación'],
    pt: ['ministério d[aeo]', 'licitação'],
    fr: ['ministère d', 'appel d.offres'],
    de: ['ministerium', 'ausschreibung'],
    ru: ['министерств', 'закрыт(ый|ого) тендер', 'тендер'],
    ar: ['وزارة', 'مناقصة', 'قائمة الموردين'],
    zh: ['招标', '政府采购'],
    id: ['kementerian', 'tender'],
  },
});

export const scamContentRules: TriageRule[] = [
  advanceFee,
  overpayment,
  paymentChannel,
  cardDetails,
  bankDetails,
  identityDocument,
  credentialRequest,
  domainRegistration,
  sampleHarvest,
  urgency,
  advanceFee419,
  authorityTender,
];
