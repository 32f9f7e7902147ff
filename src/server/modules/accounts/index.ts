// The accounts module's public face: other modules import only from here.
export { authPlugin } from './auth.plugin.ts';
export { accountsRoutes } from './accounts.routes.ts';
export { createUser, type CreateUserInput } from './commands/create-user.ts';
export { forgetCachedSessions } from './accounts.sessions.ts';
