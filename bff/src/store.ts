// The store connection. One mongoose connection per app (not the global one), so tests can run
// several BFFs in one process. Commands are not buffered while disconnected: a request fails
// fast (503) instead of hanging.
import mongoose, { type Connection } from 'mongoose';
import { accountModel } from './modules/accounts/model';
import { smsCodeModel } from './modules/auth/model';
import { faceCheckModel } from './modules/identity/model';
import { sessionModel } from './modules/sessions/model';
import { RateLimiter } from './core/rate-limit';

export async function openStore(uri: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    bufferCommands: false,
    serverSelectionTimeoutMS: 5000,
    maxPoolSize: 50,
  });
  await connection.asPromise();
  return connection;
}

/**
 * Creates every model's indexes (unique and TTL ones matter for correctness) before serving:
 * the core models, plus every model the feature modules registered on the connection while the
 * app was assembled, so a new module's indexes need no line here.
 */
export async function ensureIndexes(connection: Connection): Promise<void> {
  sessionModel(connection);
  accountModel(connection);
  smsCodeModel(connection);
  faceCheckModel(connection);
  void new RateLimiter(connection).model;
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
}
