import { z } from 'zod';
import { pageQuery, paginated } from './common.ts';

export const roles = ['district_admin', 'street_admin', 'community_staff', 'grid_worker', 'owners_committee', 'property_staff'] as const;
export type Role = (typeof roles)[number];

/** What each staff role's scope id points at. */
export const roleScopeKind: Record<Role, 'district' | 'street' | 'community' | 'grid' | 'compound' | 'company'> = {
  district_admin: 'district',
  street_admin: 'street',
  community_staff: 'community',
  grid_worker: 'grid',
  owners_committee: 'compound',
  property_staff: 'company',
};

/** A role over one place; scopeName is the place's name where the registry knows it. */
export const grantView = z.object({ role: z.enum(roles), scopeId: z.string(), scopeName: z.string().optional() });

export const meView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    userId: z.string(),
    username: z.string(),
    displayName: z.string(),
    grants: z.array(grantView),
    abilities: z.record(z.string(), z.boolean()),
  }),
  z.object({
    kind: z.literal('owner'),
    phoneMasked: z.string(),
    unitCount: z.number(),
    abilities: z.record(z.string(), z.boolean()),
  }),
]);
export type MeView = z.infer<typeof meView>;

export const phone = z.string().regex(/^1\d{10}$/, 'must be an 11-digit mainland mobile number');
export const username = z.string().regex(/^[a-z0-9][a-z0-9_.-]{2,39}$/, 'use 3–40 lower-case letters, digits, dot, dash or underscore');
export const password = z.string().min(8, 'must be at least 8 characters').max(200);

export const staffLoginBody = z.object({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) });
export const otpRequestBody = z.object({ phone });
/** The same answer whether or not the phone belongs to an owner or resident. */
export const otpSentView = z.object({ sent: z.literal(true), expiresInSeconds: z.number().int() });
export const ownerLoginBody = z.object({ phone, code: z.string().regex(/^\d{6}$/, 'must be 6 digits') });
export const changePasswordBody = z.object({ currentPassword: z.string().min(1), newPassword: password });

export const createUserBody = z.object({
  username,
  displayName: z.string().min(1).max(80),
  password,
  phone: phone.optional(),
  grants: z.array(z.object({ role: z.enum(roles), scopeId: z.uuid() })).min(1, 'a user needs at least one role'),
});

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  disabled: z.boolean(),
  grants: z.array(grantView),
  createdAt: z.string(),
  abilities: z.object({ disable: z.boolean(), enable: z.boolean() }),
});
export type UserView = z.infer<typeof userView>;

/** q matches the username or display name, case-insensitively. */
export const userListQuery = pageQuery.extend({ q: z.string().trim().max(80).optional() });
export const userList = paginated(userView);

export const mailboxView = z.object({
  items: z.array(z.object({ id: z.string(), channel: z.string(), recipient: z.string(), body: z.string(), createdAt: z.string() })),
});
