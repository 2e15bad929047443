// A small SMTP server for the journeys: it speaks enough SMTP for lettre (EHLO, MAIL, RCPT, DATA,
// RSET, NOOP, QUIT) and keeps every message so a journey can wait for the one it expects. Each
// message is read with mailparser (nodemailer's), so base64 and quoted-printable parts,
// multipart bodies, charsets and RFC 2047 words in headers come out as a mail client shows them.
import net from 'node:net';
import { simpleParser } from 'mailparser';

export async function startSmtp() {
  const mails = [];
  const waiters = [];
  const server = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let from = '';
    let to = [];
    let data = null;
    socket.write('220 e2e-smtp ESMTP ready\r\n');
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      let i;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.subarray(0, i);
        buffer = buffer.subarray(i + 2);
        if (data !== null) {
          if (line.length === 1 && line[0] === 0x2e) {
            // No PIPELINING is offered: the client waits for this reply before its next
            // command, so answering once the message is parsed keeps everything in order.
            const envelope = { from, to: [...to] };
            const raw = Buffer.concat(data);
            data = null;
            void readMail(envelope, raw).then((mail) => {
              mails.push(mail);
              waiters.splice(0).forEach((w) => w());
              if (!socket.destroyed) socket.write('250 OK queued\r\n');
            });
          } else {
            // RFC 5321 4.5.2: the client doubled every dot that starts a line.
            data.push(line[0] === 0x2e ? line.subarray(1) : line, CRLF);
          }
          continue;
        }
        const text = line.toString('utf8');
        const upper = text.toUpperCase();
        if (upper.startsWith('EHLO')) socket.write('250-e2e-smtp\r\n250 8BITMIME\r\n');
        else if (upper.startsWith('HELO') || upper.startsWith('NOOP')) socket.write('250 OK\r\n');
        else if (upper.startsWith('MAIL FROM:')) { from = angle(text); to = []; socket.write('250 OK\r\n'); }
        else if (upper.startsWith('RCPT TO:')) { to.push(angle(text)); socket.write('250 OK\r\n'); }
        else if (upper === 'DATA') { data = []; socket.write('354 end with <CRLF>.<CRLF>\r\n'); }
        else if (upper.startsWith('RSET')) { to = []; socket.write('250 OK\r\n'); }
        else if (upper.startsWith('QUIT')) { socket.end('221 bye\r\n'); }
        else socket.write('502 not implemented\r\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;

  const mailsTo = (address) => mails.filter((m) => m.to.some((t) => t.toLowerCase() === address.toLowerCase()));
  /** Resolves with the messages to `address` once there are at least `count` (no sleeping). */
  async function waitFor(address, count = 1, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = mailsTo(address);
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${count} message(s) to ${address} did not arrive (got ${found.length})`);
      await new Promise((resolve) => {
        const t = setTimeout(resolve, left);
        waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }
  /** The code in the latest verification email to `address` (searched in its text only). */
  async function codeFor(address, count = 1) {
    const found = await waitFor(address, count);
    const m = found[found.length - 1].text.match(/verification code is:\s*(\d+)/);
    if (!m) throw new Error(`no code in the message to ${address}`);
    return m[1];
  }
  return { port, mails, mailsTo, waitFor, codeFor, close: () => new Promise((r) => server.close(r)) };
}

function angle(line) {
  const m = line.match(/<([^>]*)>/);
  return m ? m[1] : '';
}

const CRLF = Buffer.from('\r\n');

/**
 * One message: `from` and `to` are the envelope (MAIL FROM, RCPT TO); `subject`, `text` (the
 * plain body) and `html` are decoded. Codes are searched in `text` only: headers such as
 * Message-ID and Date hold digits too.
 */
async function readMail({ from, to }, raw) {
  try {
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
    return { from, to, subject: parsed.subject || '', text: parsed.text || '', html: parsed.html || '' };
  } catch (e) {
    // Not a message at all: kept as it came, so that the journey's failure shows it.
    return { from, to, subject: '', text: raw.toString('utf8'), html: '', error: String(e) };
  }
}
