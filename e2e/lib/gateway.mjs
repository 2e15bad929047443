// The SMS/voice gateway stub: a Twilio-compatible endpoint that accepts only the exact path, basic
// auth and form encoding the service must use, and keeps each message and call.
import http from 'node:http';

export const SID = 'AC00000000e2e';
export const TOKEN = 'e2e-gateway-token';
export const FROM = '+15005550006';

export async function startGateway() {
  const messages = [];
  const calls = [];
  const waiters = [];
  const expectedAuth = 'Basic ' + Buffer.from(`${SID}:${TOKEN}`).toString('base64');
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      const ok = req.method === 'POST'
        && req.headers.authorization === expectedAuth
        && (req.headers['content-type'] || '').startsWith('application/x-www-form-urlencoded')
        && form.From === FROM && form.To;
      if (ok && req.url === `/2010-04-01/Accounts/${SID}/Messages.json` && form.Body) {
        messages.push(form);
      } else if (ok && req.url === `/2010-04-01/Accounts/${SID}/Calls.json` && form.Twiml) {
        calls.push(form);
      } else {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'unexpected request', url: req.url }));
        return;
      }
      waiters.splice(0).forEach((w) => w());
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sid: 'SM' + messages.length }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;

  /** The code in the latest text message to `phone` (E.164), once `count` have arrived. */
  async function smsCode(phone, count = 1, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const to = messages.filter((m) => m.To === phone);
      if (to.length >= count) return to[to.length - 1].Body.split(' ')[0];
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no text message to ${phone}`);
      await new Promise((resolve) => {
        const t = setTimeout(resolve, left);
        waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }
  return { port, url: `http://127.0.0.1:${port}`, messages, calls, smsCode, close: () => new Promise((r) => server.close(r)) };
}
