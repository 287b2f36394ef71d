import { z } from 'zod';
import { DateTimeSchema, GeoSchema, GlnExtensionSchema, GlnSchema } from './common.ts';
import { OnSiteVerificationSchema, ShopEnforcementSchema } from './field.ts';
import { TrustSchema, TrustSummarySchema } from './trust.ts';

// The public location record: what a plate's GLN resolves to. Field names are English and
// stable; every human-readable value (names, addresses) is Persian.

export const LOCATION_STATUSES = ['active', 'sealed', 'moved', 'closed'] as const;
export const LocationStatusSchema = z.enum(LOCATION_STATUSES);
export type LocationStatus = z.infer<typeof LocationStatusSchema>;

export const LOCATION_ROLES = ['main', 'branch', 'warehouse'] as const;
export const LocationRoleSchema = z.enum(LOCATION_ROLES);
export type LocationRole = z.infer<typeof LocationRoleSchema>;

/** 1 self-declared, 2 video call, 3 three verified neighbours, 4 on-site GPS check. */
export const VerificationLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type VerificationLevel = z.infer<typeof VerificationLevelSchema>;

export const GuildRefSchema = z.object({ code: z.string(), name: z.string() });
export type GuildRef = z.infer<typeof GuildRefSchema>;

export const UnionRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  address: z.string(),
});
export type UnionRef = z.infer<typeof UnionRefSchema>;

export const IsicSchema = z.object({ code: z.string().regex(/^\d{4}$/), title: z.string() });
export type Isic = z.infer<typeof IsicSchema>;

export const PostalAddressSchema = z.object({
  province: z.string(),
  city: z.string(),
  county: z.string(),
  street: z.string(),
  plate: z.string(),
  floor: z.string(),
  unit: z.string(),
  /** Iranian postcodes are 10 digits. */
  postcode: z.string().regex(/^\d{10}$/),
  /** The whole address as one Persian line, for display. */
  text: z.string(),
});
export type PostalAddress = z.infer<typeof PostalAddressSchema>;

export const PosTerminalSchema = z.object({
  terminalId: z.string(),
  /** The merchant name the terminal prints; a mismatch with the shop is a complaint category. */
  name: z.string(),
  bank: z.string(),
});
export type PosTerminal = z.infer<typeof PosTerminalSchema>;

export const OtherLocationSchema = z.object({
  gln: GlnSchema,
  name: z.string(),
  role: LocationRoleSchema,
  status: LocationStatusSchema,
});
export type OtherLocation = z.infer<typeof OtherLocationSchema>;

/** A sub-location (AI 254), e.g. a booth inside a bazaar passage. */
export const SubLocationSchema = z.object({
  ext: GlnExtensionSchema,
  name: z.string(),
  floor: z.string(),
  unit: z.string(),
});
export type SubLocation = z.infer<typeof SubLocationSchema>;

export const LocationRecordSchema = z.object({
  gln: GlnSchema,
  name: z.string(),
  role: LocationRoleSchema,
  guild: GuildRefSchema,
  union: UnionRefSchema,
  isic: IsicSchema,
  /** The 13-digit guild service code (شناسه خدمت). */
  serviceCode: z.string().regex(/^\d{13}$/),
  licenceId: z.string(),
  address: PostalAddressSchema,
  geo: GeoSchema,
  posTerminals: z.array(PosTerminalSchema),
  verificationLevel: VerificationLevelSchema,
  status: LocationStatusSchema,
  /** ISO date the current status took effect. */
  statusSince: DateTimeSchema,
  /** For `moved`: the GLN of the new location. */
  replacedBy: GlnSchema.optional(),
  otherLocations: z.array(OtherLocationSchema),
  /** Present when the request named a known AI 254 extension. */
  subLocation: SubLocationSchema.optional(),
  /** Known sub-locations of this GLN (AI 254 values). */
  subLocations: z.array(SubLocationSchema),
  updatedAt: DateTimeSchema,
  /** Enforcement stages recorded against the shop, newest first (absent when none). */
  enforcement: z.array(ShopEnforcementSchema).optional(),
  /** Who checked the shop on site and when, once it reached verification level 4. */
  verification: OnSiteVerificationSchema.optional(),
  /** The trust badge the service computes from this record's public facts, with its reasons. */
  trust: TrustSchema.optional(),
});
export type LocationRecord = z.infer<typeof LocationRecordSchema>;

export const LicenceRecordSchema = z.object({
  licenceId: z.string(),
  holder: z.string(),
  guild: GuildRefSchema,
  union: UnionRefSchema,
  isic: IsicSchema,
  issuedAt: DateTimeSchema,
  expiresAt: DateTimeSchema,
  locations: z.array(
    OtherLocationSchema.extend({
      address: z.string(),
      geo: GeoSchema,
    }),
  ),
});
export type LicenceRecord = z.infer<typeof LicenceRecordSchema>;

export const NearbyItemSchema = z.object({
  gln: GlnSchema,
  name: z.string(),
  guild: GuildRefSchema,
  status: LocationStatusSchema,
  geo: GeoSchema,
  address: z.string(),
  /** Metres from the query point, rounded. */
  distance: z.number(),
  /** The shop's trust badge, so a list can filter and sort by it. */
  trust: TrustSummarySchema,
});
export type NearbyItem = z.infer<typeof NearbyItemSchema>;

export const NearbyResultSchema = z.object({
  near: GeoSchema,
  radius: z.number(),
  items: z.array(NearbyItemSchema),
  /** True when more locations were within the radius than the cap returned. */
  truncated: z.boolean(),
});
export type NearbyResult = z.infer<typeof NearbyResultSchema>;

/** Public complaint counts for a shop: open complaints by category, no personal data. */
export const LocationComplaintCountsSchema = z.object({
  gln: GlnSchema,
  open: z.number().int(),
  byCategory: z.array(
    z.object({ service_code: z.string(), service_name: z.string(), count: z.number().int() }),
  ),
});
export type LocationComplaintCounts = z.infer<typeof LocationComplaintCountsSchema>;
