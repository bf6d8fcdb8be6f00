#!/usr/bin/env node
// Runs Clerk's own JavaScript client (the React Native build of @clerk/clerk-js, dist/clerk.native.js)
// headless in Node against a Frontend API server and completes the client-trust sign-in flow:
//
//   signIn.password() -> needs_client_trust -> signIn.mfa.sendEmailCode()
//   -> signIn.mfa.verifyEmailCode() -> signIn.finalize()
//
// It wires the client exactly as Clerk's Expo package does (createClerkInstance.ts): a request hook
// that adds `_is_native=1`, `credentials: 'omit'` and the stored client token as `Authorization`
// (an empty header when none is stored yet, as Expo sends), and a response hook that stores any
// `Authorization` response header verbatim. This is how an Expo / React Native app would talk to
// the clerk4j emulator, so it checks the emulator against the client the emulator imitates Clerk for.
//
// Usage:
//   node clerk-js-flow.cjs --url <server url> --identifier <id> --password <pw>
//        [--publishable-key <pk>] [--code <code> | --outbox]
//        [--sign-up | --create-phone <E.164 number> | --create-email <address> | --new-password <pw>]
//
// --code uses a fixed verification code (the recorded responses accept any code, test mode uses
// 424242); --outbox reads the code the server "sent" from GET <url>/__emulator/outbox.
//
// With --sign-up (and --outbox), the account does not exist yet and the flow is the sign-up of
// Clerk's e-mail/password guide on the SignUpFuture API instead:
//
//   signUp.password({emailAddress, password}) -> signUp.verifications.sendEmailCode()
//   -> signUp.verifications.verifyEmailCode({code}) -> signUp.finalize()
//
// then it signs out and signs in with the new password (signIn.password(), and the client-trust
// code if the server asks for one), ending with an active session of the user it created.
//
// Then, signed in, and with --outbox only (they need fresh codes):
//   --create-phone: user.createPhoneNumber() (clerk-js posts to /v1/me/phone_numbers/, with a
//     trailing slash), prepareVerification(), attemptVerification() with the SMS code;
//   --create-email: user.createEmailAddress() (clerk-js posts to /v1/me/email_addresses/, with a
//     trailing slash), prepareVerification({strategy: 'email_code'}), attemptVerification() with the
//     code from the outbox; then user.reload() must list the address as verified;
//   --new-password: signs out and resets the password as Clerk's forgot-password guide does:
//     signIn.create({strategy: 'reset_password_email_code', identifier}), then the one-call
//     signIn.attemptFirstFactor({strategy, code, password}), setActive(); then signs out and in
//     again with the new password.
//
// Prints one JSON object on stdout (the outcome, the sign-in statuses seen, and every request
// clerk-js made, with the query parameters and headers it put on the wire) and exits 0 only when
// the flow ended with an active session. Everything clerk-js logs goes to stderr so stdout stays JSON.

'use strict';

const path = require('node:path');

// clerk-js prints a development-keys notice with console.log; keep stdout for the result only.
for (const level of ['log', 'info', 'warn', 'debug']) {
  console[level] = (...args) => process.stderr.write(args.map(String).join(' ') + '\n');
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const key = a.slice(2);
    if (key === 'outbox' || key === 'sign-up') {
      args[key] = true;
    } else {
      if (i + 1 >= argv.length) throw new Error(`missing value for ${a}`);
      args[key] = argv[++i];
    }
  }
  for (const required of ['url', 'identifier', 'password']) {
    if (!args[required]) throw new Error(`--${required} is required`);
  }
  if (!args.code && !args.outbox) throw new Error('one of --code or --outbox is required');
  if ((args['create-phone'] || args['create-email'] || args['new-password'] || args['sign-up']) && !args.outbox) {
    throw new Error('--sign-up, --create-phone, --create-email and --new-password need --outbox');
  }
  if (args['sign-up'] && (args['create-phone'] || args['create-email'] || args['new-password'])) {
    throw new Error('--sign-up runs on its own');
  }
  return args;
}

// A publishable key only has to name a host for clerk-js to accept it; with proxyUrl set every
// request goes to the proxy, so the host never resolves. pk_test_ marks a development instance.
function publishableKeyFor(url) {
  const host = new URL(url).hostname.includes('.') ? new URL(url).hostname : 'emulator.clerk4j.localhost';
  return 'pk_test_' + Buffer.from(host + '$').toString('base64').replace(/=+$/, '');
}

// Reads the newest e-mail code sent to `identifier` from the emulator's outbox. The outbox is a JSON
// array of messages (or an object holding one under `messages`); field names are matched loosely so
// that the script states what it needs (a recipient and a code) rather than one Java record's shape.
async function codeFromOutbox(baseUrl, identifier) {
  const res = await fetch(new URL('/__emulator/outbox', baseUrl));
  if (!res.ok) throw new Error(`GET /__emulator/outbox answered ${res.status}`);
  const body = await res.json();
  const messages = Array.isArray(body) ? body : body.messages || body.outbox || [];
  const recipientOf = (m) => m.recipient ?? m.to ?? m.address;
  const matching = messages.filter((m) => recipientOf(m) === identifier && m.code);
  if (matching.length === 0) {
    throw new Error(`no code for ${identifier} in the outbox: ${JSON.stringify(body)}`);
  }
  return String(matching[matching.length - 1].code);
}

function describeError(error) {
  if (!error) return null;
  const first = error.errors && error.errors[0];
  return {
    message: error.message,
    code: first ? first.code : error.code,
    status: error.status,
  };
}

// Filled in as the flow goes, and printed on failure too, so a failing run shows how far it got.
const result = { ok: false, statuses: [], requests: [], responses: [] };

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const distFile = path.join(__dirname, 'node_modules', '@clerk', 'clerk-js', 'dist', 'clerk.native.js');
  // The package's "exports" map only offers clerk.native.js under the react-native condition, so
  // load the file by path, as Metro would resolve it for an Expo app.
  const { Clerk } = require(distFile);

  let clientToken = null; // what Expo's tokenCache would hold

  const clerk = new Clerk(args['publishable-key'] || publishableKeyFor(args.url), { proxyUrl: args.url });

  clerk.__internal_onBeforeRequest(async (requestInit) => {
    requestInit.credentials = 'omit';
    requestInit.url.searchParams.append('_is_native', '1');
    requestInit.headers.set('authorization', clientToken || '');
    requestInit.headers.set('x-mobile', '1');
    // clerk-js sends every method other than GET as POST (with `_method` in the query for the rest),
    // after the hooks have run; record the method as it goes on the wire.
    result.requests.push({
      method: requestInit.method === 'GET' || !requestInit.method ? 'GET' : 'POST',
      path: requestInit.url.pathname,
      query: Object.fromEntries(requestInit.url.searchParams.entries()),
      headers: Object.fromEntries(requestInit.headers.entries()),
      body: typeof requestInit.body === 'string' ? requestInit.body : null,
    });
  });
  clerk.__internal_onAfterResponse(async (_requestInit, response) => {
    const authorization = response.headers.get('authorization');
    if (authorization) clientToken = authorization;
    result.responses.push({
      status: response.status,
      authorization: authorization ? 'present' : 'absent',
      errorCode: response.payload?.errors?.[0]?.code ?? null,
    });
  });

  // telemetry is a load() option in clerk-js 6.40.0 (the constructor takes only proxyUrl/domain);
  // standardBrowser: false is what a native app passes: no cookies, no dev-browser handshake.
  await clerk.load({ standardBrowser: false, telemetry: false });
  if (!clerk.loaded) throw new Error(`clerk-js did not load (status ${clerk.status})`);

  // The SignInFuture API lives on the client's current sign-in. Take it once per step: the
  // piggybacked client of a completed sign-in has `sign_in: null`, so clerk.client.signIn is then a
  // fresh, empty sign-in, while the future taken before the call holds the resource that the
  // response updated.
  const step = async (name, call) => {
    const future = clerk.client.signIn.__internal_future;
    const { error } = await call(future);
    result.statuses.push({ step: name, status: future.status, error: describeError(error) });
    if (error) throw new Error(`${name} failed: ${error.message}`);
    return future;
  };

  if (args['sign-up']) {
    await signUpThenSignIn(clerk, args, step);
    return;
  }

  const afterPassword = await step('password', (f) =>
    f.password({ identifier: args.identifier, password: args.password }));
  if (afterPassword.status !== 'needs_client_trust') {
    throw new Error(`expected needs_client_trust after password, got ${afterPassword.status}`);
  }
  await step('mfa.sendEmailCode', (f) => f.mfa.sendEmailCode());
  const code = args.code || (await codeFromOutbox(args.url, args.identifier));
  const afterCode = await step('mfa.verifyEmailCode', (f) => f.mfa.verifyEmailCode({ code }));
  if (afterCode.status !== 'complete') throw new Error(`expected complete after the code, got ${afterCode.status}`);
  const createdSessionId = afterCode.createdSessionId;
  // finalize() runs on the sign-in that completed (the one the code verified), as an app would.
  const { error: finalizeError } = await afterCode.finalize();
  result.statuses.push({ step: 'finalize', status: afterCode.status, error: describeError(finalizeError) });
  if (finalizeError) throw new Error(`finalize failed: ${finalizeError.message}`);

  const session = clerk.session;
  result.createdSessionId = createdSessionId;
  result.sessionId = session ? session.id : null;
  result.sessionStatus = session ? session.status : null;
  result.userId = clerk.user ? clerk.user.id : null;
  const jwt = session ? await session.getToken() : null;
  result.sessionTokenClaims = jwt ? JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) : null;
  result.ok = Boolean(session && session.id === createdSessionId && session.status === 'active' && jwt);

  if (result.ok && args['create-phone']) {
    result.ok = false;
    const phone = await clerk.user.createPhoneNumber({ phoneNumber: args['create-phone'] });
    await phone.prepareVerification();
    const smsCode = await codeFromOutbox(args.url, args['create-phone']);
    const verified = await phone.attemptVerification({ code: smsCode });
    result.phone = { id: verified.id, phoneNumber: verified.phoneNumber, verification: verified.verification.status };
    result.ok = verified.verification.status === 'verified';
  }

  if (result.ok && args['create-email']) {
    result.ok = false;
    // clerk-js updates the resource in place: each status is read right after its call.
    const email = await clerk.user.createEmailAddress({ email: args['create-email'] });
    result.email = { id: email.id, emailAddress: email.emailAddress, createdVerification: email.verification.status };
    await email.prepareVerification({ strategy: 'email_code' });
    result.email.preparedVerification = email.verification.status;
    const emailCode = await codeFromOutbox(args.url, args['create-email']);
    const verified = await email.attemptVerification({ code: emailCode });
    result.email.verification = verified.verification.status;
    const reloaded = await clerk.user.reload();
    const listed = reloaded.emailAddresses.find((e) => e.id === verified.id);
    result.email.listedVerification = listed ? listed.verification.status : null;
    result.ok = verified.verification.status === 'verified' && result.email.listedVerification === 'verified';
  }

  if (result.ok && args['new-password']) {
    result.ok = false;
    // signOut() reads window.location; React Native's global object is also `window`, without
    // `location`. Defined only now: with a window, clerk-js adds `timezone` to later sign-ins.
    if (typeof globalThis.window === 'undefined') globalThis.window = globalThis;
    await clerk.signOut();
    // The legacy SignIn resource API, as the forgot-password guide uses it.
    const signIn = await clerk.client.signIn.create({ strategy: 'reset_password_email_code', identifier: args.identifier });
    const resetCode = await codeFromOutbox(args.url, args.identifier);
    const reset = await signIn.attemptFirstFactor({
      strategy: 'reset_password_email_code',
      code: resetCode,
      password: args['new-password'],
    });
    result.reset = { status: reset.status, createdSessionId: reset.createdSessionId };
    if (reset.status !== 'complete') throw new Error(`expected complete after the one-call reset, got ${reset.status}`);
    await clerk.setActive({ session: reset.createdSessionId });
    result.reset.activeSessionId = clerk.session ? clerk.session.id : null;
    await clerk.signOut();
    const again = await step('password with the new password', (f) =>
      f.password({ identifier: args.identifier, password: args['new-password'] }));
    result.reset.signInAgain = again.status;
    result.ok = result.reset.activeSessionId === reset.createdSessionId && again.status === 'complete';
  }
}

// The sign-up of the e-mail/password guide on SignUpFuture, then a sign-in with the new password.
async function signUpThenSignIn(clerk, args, signInStep) {
  // As for the sign-in: take the future before each call, since the completing answer's client
  // has `sign_up: null` and clerk.client.signUp is then a fresh, empty sign-up.
  const signUpStep = async (name, call) => {
    const future = clerk.client.signUp.__internal_future;
    const { error } = await call(future);
    result.statuses.push({ step: name, status: future.status, error: describeError(error) });
    if (error) throw new Error(`${name} failed: ${error.message}`);
    return future;
  };
  const created = await signUpStep('signUp.password', (f) =>
    f.password({ emailAddress: args.identifier, password: args.password }));
  result.signUp = { id: created.id, unverifiedFields: created.unverifiedFields, requiredFields: created.requiredFields };
  await signUpStep('signUp.verifications.sendEmailCode', (f) => f.verifications.sendEmailCode());
  const code = await codeFromOutbox(args.url, args.identifier);
  const verified = await signUpStep('signUp.verifications.verifyEmailCode', (f) =>
    f.verifications.verifyEmailCode({ code }));
  if (verified.status !== 'complete') throw new Error(`expected complete after the code, got ${verified.status}`);
  result.signUp.createdSessionId = verified.createdSessionId;
  result.signUp.createdUserId = verified.createdUserId;
  const { error: finalizeError } = await verified.finalize();
  result.statuses.push({ step: 'signUp.finalize', status: verified.status, error: describeError(finalizeError) });
  if (finalizeError) throw new Error(`finalize failed: ${finalizeError.message}`);
  result.signUp.activeSessionId = clerk.session ? clerk.session.id : null;
  result.signUp.userEmail = clerk.user ? clerk.user.primaryEmailAddress?.emailAddress : null;

  // signOut() reads window.location (see --new-password).
  if (typeof globalThis.window === 'undefined') globalThis.window = globalThis;
  await clerk.signOut();
  let signIn = await signInStep('password with the new account', (f) =>
    f.password({ identifier: args.identifier, password: args.password }));
  if (signIn.status === 'needs_client_trust') {
    await signInStep('mfa.sendEmailCode', (f) => f.mfa.sendEmailCode());
    const trustCode = await codeFromOutbox(args.url, args.identifier);
    signIn = await signInStep('mfa.verifyEmailCode', (f) => f.mfa.verifyEmailCode({ code: trustCode }));
  }
  if (signIn.status !== 'complete') throw new Error(`expected the new user's sign-in to complete, got ${signIn.status}`);
  const { error: signInFinalizeError } = await signIn.finalize();
  if (signInFinalizeError) throw new Error(`finalize after sign-in failed: ${signInFinalizeError.message}`);
  result.sessionId = clerk.session ? clerk.session.id : null;
  result.sessionStatus = clerk.session ? clerk.session.status : null;
  result.userId = clerk.user ? clerk.user.id : null;
  result.ok = result.signUp.activeSessionId === result.signUp.createdSessionId
      && result.sessionStatus === 'active' && result.userId === result.signUp.createdUserId
      && result.sessionId !== result.signUp.createdSessionId;
}

const watchdog = setTimeout(() => {
  result.error = 'timed out after 60 s';
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(2);
}, 60_000);

main().then(
  () => {
    clearTimeout(watchdog);
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exit(result.ok ? 0 : 1);
  },
  (error) => {
    clearTimeout(watchdog);
    result.error = String(error && error.message);
    process.stdout.write(JSON.stringify(result) + '\n');
    process.stderr.write(String(error && error.stack) + '\n');
    process.exit(1);
  },
);
