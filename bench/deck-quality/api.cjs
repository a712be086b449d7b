// The gateway as the deck-quality report uses it: a signed development token per user, JSON calls
// that wait out rate limits, and polling until a state is reached.
'use strict';
const crypto = require('crypto');

const env = process.env;
const GATEWAY = env.SLIDEO_GATEWAY_URL || 'http://127.0.0.1:8080';

function token(user) {
  const b64 = v => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const input = b64({ alg: 'HS256', typ: 'JWT' }) + '.' + b64({ sub: user, iss: env.SLIDEO_JWT_ISSUER || 'slideo-dev',
    aud: env.SLIDEO_JWT_AUDIENCE || 'authenticated', iat: now - 5, exp: now + 4 * 3600, role: 'authenticated' });
  return input + '.' + crypto.createHmac('sha256', env.SLIDEO_JWT_SECRET).update(input).digest('base64url');
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

async function call(auth, method, url, body, { raw = false, expect = [200, 201, 202] } = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = { Authorization: 'Bearer ' + auth };
    let payload = body;
    if (body && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(GATEWAY + url, { method, headers, body: payload });
    if (response.status === 429 && attempt < 20) {
      await sleep(1000 * (parseInt(response.headers.get('retry-after') || '2', 10) || 2));
      continue;
    }
    if (!expect.includes(response.status)) {
      const text = await response.text();
      const error = new Error(`${method} ${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
      error.status = response.status;
      error.body = text;
      throw error;
    }
    return raw ? Buffer.from(await response.arrayBuffer()) : response.json();
  }
}

async function until(what, seconds, probe) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not done after ${seconds} s`);
    await sleep(750);
  }
}

module.exports = { GATEWAY, token, call, until };
