import { SMTPServer } from 'smtp-server';
import { freePort } from './process-utils';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  /** Login used to authenticate, when the client did. */
  user?: string;
}

export interface SmtpSink {
  host: string;
  port: number;
  /** Every message accepted so far, in arrival order. */
  messages: ReceivedMail[];
  stop(): Promise<void>;
}

export interface StartSmtpOptions {
  /** When given, clients must log in with one of these; otherwise auth is optional. */
  users?: Record<string, string>;
}

/** An SMTP server on a free loopback port that keeps what it receives in memory. */
export async function startSmtpServer(options: StartSmtpOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const users = options.users;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: users ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !users,
    logger: false,
    onAuth(auth, _session, callback) {
      if (users && auth.username !== undefined && users[auth.username] === auth.password) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks),
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
        });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    host: '127.0.0.1',
    port,
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
