export { buildFuzzCorpus, type FuzzedMessage } from './fuzz-corpus.builder';
