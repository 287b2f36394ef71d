import type { LocationRole, LocationStatus, PosTerminal, VerificationLevel } from '../../api/index.ts';
import type { Agency } from '../store/types.ts';

// Plain rows the seed generator produces and a store loads.

export type SeedGuild = { code: string; name: string; isicCode: string; isicTitle: string };
/** An agency as stored: the public fields plus its clerk token's hash (null: no desk login). */
export type SeedAgency = Agency & { tokenHash: string | null };
export type SeedLicence = {
  id: string;
  holder: string;
  guildCode: string;
  issuedAt: string;
  expiresAt: string;
};
export type SeedLocation = {
  gln: string;
  name: string;
  role: LocationRole;
  licenceId: string;
  guildCode: string;
  serviceCode: string;
  province: string;
  city: string;
  county: string;
  street: string;
  plate: string;
  floor: string;
  unit: string;
  postcode: string;
  lat: number;
  lng: number;
  verificationLevel: VerificationLevel;
  status: LocationStatus;
  statusSince: string;
  replacedBy: string | null;
  pos: PosTerminal[];
  updatedAt: string;
};
export type SeedSubLocation = { gln: string; ext: string; name: string; floor: string; unit: string };

export type SeedData = {
  guilds: SeedGuild[];
  agencies: SeedAgency[];
  licences: SeedLicence[];
  locations: SeedLocation[];
  subLocations: SeedSubLocation[];
};
