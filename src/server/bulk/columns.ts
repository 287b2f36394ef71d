import type { SeedLicence, SeedLocation } from '../seed/types.ts';

// The registry's columns in the order bulk writers send them, and a row's values in that order:
// one place for both engines' bulk paths (COPY on PostgreSQL, prepared inserts on SQLite).

export const LOCATION_COLUMNS = [
  'gln',
  'name',
  'role',
  'licence_id',
  'guild_code',
  'service_code',
  'province',
  'city',
  'county',
  'street',
  'plate',
  'floor',
  'unit',
  'postcode',
  'lat',
  'lng',
  'verification_level',
  'status',
  'status_since',
  'replaced_by',
  'pos_json',
  'updated_at',
] as const;

export const LICENCE_COLUMNS = ['id', 'holder', 'guild_code', 'issued_at', 'expires_at'] as const;

export type Cell = string | number | null;

export const locationValues = (l: SeedLocation): Cell[] => [
  l.gln,
  l.name,
  l.role,
  l.licenceId,
  l.guildCode,
  l.serviceCode,
  l.province,
  l.city,
  l.county,
  l.street,
  l.plate,
  l.floor,
  l.unit,
  l.postcode,
  l.lat,
  l.lng,
  l.verificationLevel,
  l.status,
  l.statusSince,
  l.replacedBy,
  JSON.stringify(l.pos),
  l.updatedAt,
];

export const licenceValues = (l: SeedLicence): Cell[] => [
  l.id,
  l.holder,
  l.guildCode,
  l.issuedAt,
  l.expiresAt,
];

/** A batch of rows for the registry: locations and the licences they bring. */
export type RegistryBatch = { locations: SeedLocation[]; licences: SeedLicence[] };

/** A bulk job's state, stored in `meta` in the same transaction as the rows it counts. */
export type JobState = { seed: number; count: number; done: number; seconds: number };
