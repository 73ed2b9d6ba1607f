export type {
  Address,
  AttachmentInfo,
  DecodeProblem,
  Link,
  NormalisedMessage,
  ReceivedHop,
} from './message';
export { parseMessage } from './parse-message';
export { attachmentContent } from './mime-parts.reader';
export { MalformedMessageError } from './malformed-message.error';
export { sanitiseHtml } from './html-sanitiser';
export {
  readMessageSources,
  MessageSourceError,
  type MessageSource,
} from './message-sources.reader';
