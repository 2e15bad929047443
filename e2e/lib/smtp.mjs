// A small SMTP server for the journeys: it speaks enough SMTP for lettre (EHLO, MAIL, RCPT, DATA,
// RSET, NOOP, QUIT) and keeps every message so a journey can wait for the one it expects. Each
// message is read with mailparser (nodemailer's), so base64 and quoted-printable parts, multipart
// bodies, charsets and RFC 2047 words in headers come out as a mail client would show them.
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
    // State changes at once; replies in order, the one to a message once it has been parsed.
    let queue = Promise.resolve();
    const reply = (text, end = false) => {
      queue = queue.then(() => (end ? socket.end(text) : socket.write(text)));
    };
    socket.write('220 e2e-smtp ESMTP ready\r\n');
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      let i;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.subarray(0, i);
        buffer = buffer.subarray(i + 2);
        if (data !== null) {
          if (line.length === 1 && line[0] === 0x2e) {
            const parsing = readMail({ from, to: [...to] }, Buffer.concat(data));
            data = null;
            queue = queue.then(async () => {
              mails.push(await parsing);
              waiters.splice(0).forEach((w) => w());
              socket.write('250 OK queued\r\n');
            });
          } else {
            // RFC 5321 4.5.2: the client doubled every dot that starts a line.
            data.push(line[0] === 0x2e ? line.subarray(1) : line, Buffer.from('\r\n'));
          }
          continue;
        }
        const text = line.toString('utf8');
        const upper = text.toUpperCase();
        if (upper.startsWith('EHLO')) reply('250-e2e-smtp\r\n250 8BITMIME\r\n');
        else if (upper.startsWith('HELO') || upper.startsWith('NOOP')) reply('250 OK\r\n');
        else if (upper.startsWith('MAIL FROM:')) { from = angle(text); to = []; reply('250 OK\r\n'); }
        else if (upper.startsWith('RCPT TO:')) { to.push(angle(text)); reply('250 OK\r\n'); }
        else if (upper === 'DATA') { data = []; reply('354 end with <CRLF>.<CRLF>\r\n'); }
        else if (upper.startsWith('RSET')) { to = []; reply('250 OK\r\n'); }
        else if (upper.startsWith('QUIT')) reply('221 bye\r\n', true);
        else reply('502 not implemented\r\n');
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
  /** The code in the latest verification email to `address`. */
  async function codeFor(address, count = 1) {
    const found = await waitFor(address, count);
    const m = found[found.length - 1].data.match(/verification code is:\s*(\d+)/);
    if (!m) throw new Error(`no code in the message to ${address}`);
    return m[1];
  }
  return { port, mails, mailsTo, waitFor, codeFor, close: () => new Promise((r) => server.close(r)) };
}

/**
 * One message: `from` and `to` are the envelope (MAIL FROM, RCPT TO); `subject`, `text`, `html`
 * and `headers` (lower-case name to decoded text) are decoded; `data`, for searching, is every
 * header as `Name: value` on a line of its own, then a blank line and the text and HTML bodies.
 */
async function readMail({ from, to }, raw) {
  let parsed;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch {
    // Not a message at all: keep what came, for the failure message of a journey.
    const text = raw.toString('utf8');
    return { from, to, subject: '', text, html: '', headers: {}, data: text };
  }
  const headers = {};
  for (const [name, value] of parsed.headers) headers[name] = headerText(value);
  const text = parsed.text || '';
  const html = parsed.html || '';
  const data = Object.entries(headers).map(([name, value]) => `${name}: ${value}\n`).join('')
    + `\n${text}\n${html ? `\n${html}\n` : ''}`;
  return { from, to, subject: parsed.subject || '', text, html, headers, data };
}

function headerText(value) {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toUTCString();
  if (Array.isArray(value)) return value.map(headerText).join(', ');
  if (value && typeof value.text === 'string') return value.text; // addresses
  if (value && typeof value.value === 'string') { // Content-Type and such
    return [value.value, ...Object.entries(value.params || {}).map(([k, v]) => `${k}=${v}`)].join('; ');
  }
  return String(value);
}

function angle(line) {
  const m = line.match(/<([^>]*)>/);
  return m ? m[1] : '';
}
