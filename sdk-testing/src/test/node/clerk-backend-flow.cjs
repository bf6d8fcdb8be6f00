#!/usr/bin/env node
// Runs Clerk's own backend SDK (@clerk/backend, its createClerkClient({secretKey, apiUrl})) in Node
// against the clerk4j emulator's Backend API, with telemetry disabled, and checks what a backend of
// an app does with it:
//
//   users.createUser -> users.getUserList (with its totalCount) -> users.getUser
//   -> users.updateUser -> users.updateUserMetadata (deep merge)
//   -> signInTokens.createSignInToken -> signInTokens.revokeSignInToken
//   -> sessions.getSessionList / getSession / revokeSession (a session the test made over FAPI)
//   -> jwks.getJwks, and verifyToken of that session's token with the JWKS the SDK loads itself
//   -> users.deleteUser -> users.getUser answers 404
//
// Usage:
//   node clerk-backend-flow.cjs --api-url <emulator>/bapi --secret-key sk_test_...
//        --user-id <a seeded user with a session> --session-id <its session> --session-token <its JWT>
//
// Prints one JSON object on stdout ({ok, steps: [...], error?}) and exits 0 only when every step
// gave what Clerk's Backend API gives. Everything else goes to stderr so that stdout stays JSON.

'use strict';

process.env.CLERK_TELEMETRY_DISABLED = '1';

const { createClerkClient, verifyToken } = require('@clerk/backend');

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    out[argv[i].replace(/^--/, '')] = argv[i + 1];
  }
  for (const required of ['api-url', 'secret-key', 'user-id', 'session-id', 'session-token']) {
    if (!out[required]) {
      throw new Error('missing --' + required);
    }
  }
  return out;
}

function check(condition, what) {
  if (!condition) {
    throw new Error('check failed: ' + what);
  }
}

async function main() {
  const a = args();
  const steps = [];
  const step = (name, detail) => steps.push({ name, ...detail });
  const clerk = createClerkClient({ secretKey: a['secret-key'], apiUrl: a['api-url'], telemetry: { disabled: true } });

  const created = await clerk.users.createUser({
    emailAddress: ['bea@example.com'],
    password: 'bea-password-1',
    firstName: 'Bea',
    publicMetadata: { plan: 'pro' },
  });
  check(created.id.startsWith('user_'), 'createUser returns a user id');
  check(created.primaryEmailAddress && created.primaryEmailAddress.emailAddress === 'bea@example.com',
    'the new user has its primary e-mail address');
  check(created.primaryEmailAddress.verification.status === 'verified', 'created addresses are verified');
  step('createUser', { id: created.id });

  const list = await clerk.users.getUserList({ emailAddress: ['bea@example.com'] });
  check(list.totalCount === 1 && list.data.length === 1 && list.data[0].id === created.id,
    'getUserList finds the user by e-mail address, with totalCount');
  const all = await clerk.users.getUserList({ limit: 1, orderBy: '-created_at' });
  check(all.totalCount === 2 && all.data.length === 1 && all.data[0].id === created.id, 'limit and order');
  step('getUserList', { totalCount: all.totalCount });

  const got = await clerk.users.getUser(created.id);
  check(got.firstName === 'Bea' && got.publicMetadata.plan === 'pro', 'getUser');
  step('getUser', {});

  const updated = await clerk.users.updateUser(created.id, { firstName: 'Beatrix', username: 'bea_w' });
  check(updated.firstName === 'Beatrix' && updated.username === 'bea_w', 'updateUser');
  const merged = await clerk.users.updateUserMetadata(created.id, { publicMetadata: { seats: 2 } });
  check(merged.publicMetadata.plan === 'pro' && merged.publicMetadata.seats === 2, 'updateUserMetadata merges');
  step('updateUser', { publicMetadata: merged.publicMetadata });

  const token = await clerk.signInTokens.createSignInToken({ userId: created.id, expiresInSeconds: 600 });
  check(token.status === 'pending' && typeof token.token === 'string' && token.token.length > 20 && token.userId === created.id,
    'createSignInToken returns a pending token for the user');
  const revokedToken = await clerk.signInTokens.revokeSignInToken(token.id);
  check(revokedToken.status === 'revoked', 'revokeSignInToken');
  step('signInTokens', { id: token.id, status: revokedToken.status });

  const sessions = await clerk.sessions.getSessionList({ userId: a['user-id'] });
  check(sessions.data.length === 1 && sessions.data[0].id === a['session-id'] && sessions.totalCount === 1,
    'getSessionList lists the user\'s session, with totalCount');
  check(sessions.data[0].status === 'active', 'the session is active');
  const session = await clerk.sessions.getSession(a['session-id']);
  check(session.userId === a['user-id'] && session.clientId.startsWith('client_'), 'getSession');

  // The backend verifies the session token the app sent it, with keys it loads from the JWKS itself.
  const jwks = await clerk.jwks.getJwks();
  check(Array.isArray(jwks.keys) && jwks.keys.length === 1 && jwks.keys[0].kty === 'RSA', 'getJwks');
  const claims = await verifyToken(a['session-token'], { secretKey: a['secret-key'], apiUrl: a['api-url'] });
  check(claims.sub === a['user-id'] && claims.sid === a['session-id'], 'verifyToken of the session token');
  step('verifyToken', { sub: claims.sub, sid: claims.sid });

  const revoked = await clerk.sessions.revokeSession(a['session-id']);
  check(revoked.status === 'revoked', 'revokeSession');
  step('sessions', { status: revoked.status });

  const deleted = await clerk.users.deleteUser(created.id);
  check(deleted.deleted === true && deleted.id === created.id, 'deleteUser');
  let status = null;
  try {
    await clerk.users.getUser(created.id);
  } catch (e) {
    status = e.status;
    check(e.errors && e.errors[0] && e.errors[0].code === 'resource_not_found', 'a deleted user is resource_not_found');
  }
  check(status === 404, 'getUser of a deleted user answers 404');
  step('deleteUser', { afterwards: status });
  return steps;
}

main().then(
  (steps) => {
    process.stdout.write(JSON.stringify({ ok: true, steps }) + '\n');
  },
  (error) => {
    const detail = error && error.errors ? JSON.stringify(error.errors) : '';
    process.stderr.write(String(error && error.stack ? error.stack : error) + '\n' + detail + '\n');
    process.stdout.write(JSON.stringify({ ok: false, error: String(error && error.message ? error.message : error), detail }) + '\n');
    process.exitCode = 1;
  },
);
