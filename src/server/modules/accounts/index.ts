// The accounts module's public face: other modules import only from here.
export { authPlugin } from './auth.plugin.ts';
export { accountsRoutes, type AccountsRoutesOptions } from './accounts.routes.ts';
export type { LoginPhoneSource } from './accounts.login-phones.ts';
export { staffUserById, phoneHoldsRole, type StaffUserRef } from './accounts.lookups.ts';
export { staffOfCommunity, COMMUNITY_ROLES, type CommunityRole, type CommunityStaffAccount } from './accounts.community-staff.ts';
export { createUser, type CreateUserInput } from './commands/create-user.ts';
export { disableUser } from './commands/disable-user.ts';
export { enableUser } from './commands/enable-user.ts';
export { listManagedUsers, toUserView } from './accounts.users.ts';
export { userByUsername } from './accounts.repo.ts';
export { forgetCachedSessions } from './accounts.sessions.ts';
export { otpSenderFactories, type OtpSender, type OtpSenderFactory } from './otp/senders.ts';
