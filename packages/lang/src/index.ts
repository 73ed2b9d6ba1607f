export { cleanBuyerText } from './clean-buyer-text';
export type { DetectionContext } from './context-priors';
export {
  detectLanguage,
  type DetectOptions,
  type LanguageResult,
  type LanguageScore,
  type LanguageShare,
} from './detect-language';
export { TRADE_LANGUAGES, isTradeLanguage, type TradeLanguage } from './languages';
export { replyLocale, type ReplyLocaleOptions } from './reply-locale';
export type { Script } from './script-profile';
