import type { TrustFacts } from '../trust/formula.ts';

// The trust badge's part of the store: the public facts the formula reads, counted within its
// windows, and shoppers' plate readings ("is this the right place?").

export type PlateReadingRow = {
  gln: string;
  /** SHA-256 of the install id, as every other per-install row keeps it. */
  installHash: string;
  /** The UTC month (`2026-11`) the reading counts in: one per install per shop per month. */
  month: string;
  verdict: 'near' | 'far';
  at: string;
};

/** A plate shoppers keep reading far from its registered point: an inspector's visit. */
export type MisplacedPlateRow = {
  gln: string;
  name: string;
  lat: number;
  lng: number;
  farInstalls: number;
  nearInstalls: number;
  lastAt: string;
};

export type TrustWindows = { history: string; readings: string };

export interface TrustQueries {
  /** The facts of each known GLN of `glns` (unknown ones are left out), counted since the windows' starts. */
  trustFacts(glns: string[], since: TrustWindows): TrustFacts[];
  /** False (nothing stored) when this install already read this shop's plate this month. */
  addPlateReading(row: PlateReadingRow): boolean;
  /** Shops of the county with at least `minFar` installs reading far since `since`, and more far than near. */
  misplacedPlates(county: string, since: string, minFar: number): MisplacedPlateRow[];
  /** Forgets readings taken before `before`: past the window they count for nothing. */
  prunePlateReadings(before: string): void;
}
