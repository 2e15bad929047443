// A small SMTP server for the journeys: it speaks enough SMTP for lettre (EHLO, MAIL, RCPT, DATA,
// RSET, NOOP, QUIT) and keeps every message so a journey can wait for the one it expects.
import net from 'node:net';

export async function startSmtp() {
  const mails = [];
  const waiters = [];
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let from = '';
    let to = [];
    let data = null;
    socket.write('220 e2e-smtp ESMTP ready\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk;
      let i;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data !== null) {
          if (line === '.') {
            const text = decodeQuotedPrintable(data.join('\n').replace(/=\n/g, ''));
            const mail = { from, to: [...to], data: text, subject: (text.match(/^Subject: (.*)$/m) || [])[1] || '' };
            mails.push(mail);
            waiters.splice(0).forEach((w) => w());
            data = null;
            socket.write('250 OK queued\r\n');
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const upper = line.toUpperCase();
        if (upper.startsWith('EHLO')) socket.write('250-e2e-smtp\r\n250 8BITMIME\r\n');
        else if (upper.startsWith('HELO') || upper.startsWith('NOOP')) socket.write('250 OK\r\n');
        else if (upper.startsWith('MAIL FROM:')) { from = angle(line); to = []; socket.write('250 OK\r\n'); }
        else if (upper.startsWith('RCPT TO:')) { to.push(angle(line)); socket.write('250 OK\r\n'); }
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
  /** The code in the latest verification email to `address`. */
  async function codeFor(address, count = 1) {
    const found = await waitFor(address, count);
    const m = found[found.length - 1].data.match(/verification code is:\s*(\d+)/);
    if (!m) throw new Error(`no code in the message to ${address}`);
    return m[1];
  }
  return { port, mails, mailsTo, waitFor, codeFor, close: () => new Promise((r) => server.close(r)) };
}

function angle(line) {
  const m = line.match(/<([^>]*)>/);
  return m ? m[1] : '';
}

function decodeQuotedPrintable(text) {
  return text.replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}
