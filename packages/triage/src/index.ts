export { triage } from './triage.engine';
export { DEFAULT_TRIAGE_CONFIG } from './triage.config';
export type { MarketplaceAdapter, SlaConfig, TriageConfig } from './triage.config';
export { loadTriageConfig, TriageConfigError } from './triage-config.loader';
export { TRIAGE_RULES } from './rules';
export type { RuleHit, TriageRule } from './rules';
export {
  classifyTokens,
  combineTokenModels,
  messageTokens,
  pruneTokenModel,
  trainTokenModel,
} from './learning/token-model';
export type { PruneOptions, TokenModel, TrainingRecord } from './learning/token-model';
export {
  messageDigest,
  parseTokenModel,
  shippedTokenModel,
  TokenModelError,
  trainingOverlap,
} from './learning/shipped-model';
export { senderText } from './analysis/message-facts';
export { buyerLanguage } from './analysis/buyer-language';
export { simhash, hammingDistance } from './analysis/fingerprint';
export { ipCountry, preloadIpCountry } from './analysis/ip-country';
export { slaDueTime } from './analysis/sla';
export type * from './triage.types';
