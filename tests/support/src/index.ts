export { startMariaDb, type MariaDbServer, type StartMariaDbOptions } from './mariadb-server';
export { startDovecot, type DovecotServer } from './dovecot-server';
export {
  startSmtpServer,
  type SmtpSink,
  type ReceivedMail,
  type StartSmtpOptions,
} from './smtp-sink';
export {
  ensureBinaries,
  findBinary,
  MARIADB_BINARIES,
  DOVECOT_BINARIES,
  type SystemBinary,
} from './system-packages';
export { freePort } from './process-utils';
