// The journeys' SMTP capture reads mail as a client would: base64 and quoted-printable parts,
// multipart bodies, RFC 2047 subjects and dot-stuffed lines; codes are found in the text only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startSmtp } from './smtp.mjs';

/** Speaks SMTP to `port` as lettre does, one command at a time, and sends `message`. */
async function send(port, to, message) {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let pending = '';
  const replies = [];
  let wake = () => {};
  socket.on('data', (chunk) => {
    pending += chunk;
    let i;
    while ((i = pending.indexOf('\r\n')) >= 0) {
      const line = pending.slice(0, i);
      pending = pending.slice(i + 2);
      if (line[3] === ' ') replies.push(line);
      wake();
    }
  });
  const reply = async () => {
    while (replies.length === 0) await new Promise((r) => { wake = r; });
    return replies.shift();
  };
  assert.match(await reply(), /^220/);
  for (const command of ['EHLO test', 'MAIL FROM:<no-reply@example.com>', `RCPT TO:<${to}>`, 'DATA']) {
    socket.write(`${command}\r\n`);
    assert.match(await reply(), /^(250|354)/, command);
  }
  const stuffed = message.split('\r\n').map((l) => (l.startsWith('.') ? `.${l}` : l)).join('\r\n');
  socket.write(`${stuffed}\r\n.\r\n`);
  assert.match(await reply(), /^250/);
  socket.write('QUIT\r\n');
  await reply();
  socket.destroy();
}

test('a multipart message with base64 and quoted-printable parts is read as a client shows it', async () => {
  const smtp = await startSmtp();
  try {
    const text = 'Grüße, Zoë.\r\nYour verification code is: 48151623\r\n.hidden line\r\n';
    const message = [
      'From: =?utf-8?q?S=C3=A9curit=C3=A9?= <no-reply@example.com>',
      'To: pat@example.com',
      'Subject: =?utf-8?b?' + Buffer.from('Votre code — 2 minutes').toString('base64') + '?=',
      'Message-ID: <1234567890.42@example.com>',
      'Date: Fri, 04 Dec 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      ...Buffer.from(text).toString('base64').match(/.{1,76}/g),
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<p>Gr=C3=BC=C3=9Fe, your code is <b>48151623</b></p>',
      '--b1--',
    ].join('\r\n');
    await send(smtp.port, 'pat@example.com', message);
    const [mail] = await smtp.waitFor('pat@example.com');
    assert.equal(mail.subject, 'Votre code — 2 minutes');
    assert.match(mail.text, /^Grüße, Zoë\./);
    assert.match(mail.text, /^\.hidden line$/m);
    assert.match(mail.html, /Grüße, your code is <b>48151623<\/b>/);
    assert.equal(await smtp.codeFor('pat@example.com'), '48151623');
  } finally {
    await smtp.close();
  }
});

test('a code is not taken from the headers', async () => {
  const smtp = await startSmtp();
  try {
    const message = [
      'Subject: verification code is: 999999',
      'Message-ID: <verification code is: 111111@example.com>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Your verification code is: 246810',
    ].join('\r\n');
    await send(smtp.port, 'ann@example.com', message);
    assert.equal(await smtp.codeFor('ann@example.com'), '246810');
  } finally {
    await smtp.close();
  }
});
