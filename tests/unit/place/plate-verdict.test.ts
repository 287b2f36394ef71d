import { describe, expect, it } from 'vitest';
import {
  farLimit,
  haversineMetres,
  MAX_USEFUL_ACCURACY_M,
  MIN_RADIUS_M,
  plateVerdict,
  TOLERANCE_M,
} from '../../../src/api/plate-verdict.ts';

const SHOP = { lat: 35.7219, lng: 51.4075 };
/** A point `metres` due north of the shop (1° of latitude ≈ 111.2 km). */
const north = (metres: number) => ({ lat: SHOP.lat + metres / 111_195, lng: SHOP.lng });

describe('haversineMetres', () => {
  it('is zero for the same point', () => {
    expect(haversineMetres(SHOP, SHOP)).toBe(0);
  });
  it('measures 100 m north as about 100 m', () => {
    expect(haversineMetres(SHOP, north(100))).toBeCloseTo(100, 0);
  });
  it('puts Tehran and Isfahan about 340 km apart', () => {
    const km = haversineMetres(SHOP, { lat: 32.6546, lng: 51.668 }) / 1000;
    expect(km).toBeGreaterThan(330);
    expect(km).toBeLessThan(350);
  });
});

describe('farLimit', () => {
  it('never goes below 75 m plus the tolerance, even with a perfect fix', () => {
    expect(farLimit(5)).toBe(MIN_RADIUS_M + TOLERANCE_M);
    expect(farLimit(0)).toBe(100);
  });
  it('grows to twice the accuracy when the fix is poor', () => {
    expect(farLimit(60)).toBe(120 + TOLERANCE_M);
  });
  it('treats a missing or negative accuracy as a perfect fix', () => {
    expect(farLimit(Number.NaN)).toBe(100);
    expect(farLimit(-3)).toBe(100);
  });
});

describe('plateVerdict', () => {
  it('says near when the shopper stands at the registered point', () => {
    expect(plateVerdict(SHOP, { ...SHOP, accuracy: 10 }).verdict).toBe('near');
  });
  it('says near just inside the limit and far just beyond it', () => {
    expect(plateVerdict(SHOP, { ...north(95), accuracy: 10 }).verdict).toBe('near');
    expect(plateVerdict(SHOP, { ...north(105), accuracy: 10 }).verdict).toBe('far');
  });
  it('does not call a plate far because of a poor but usable fix', () => {
    // 200 m away with ±120 m accuracy: limit is 2 × 120 + 25 = 265 m.
    expect(plateVerdict(SHOP, { ...north(200), accuracy: 120 }).verdict).toBe('near');
  });
  it('says imprecise rather than near when the fix is coarser than 150 m', () => {
    const v = plateVerdict(SHOP, { ...north(50), accuracy: MAX_USEFUL_ACCURACY_M + 1 });
    expect(v.verdict).toBe('imprecise');
  });
  it('still says far when even a coarse fix is clearly elsewhere', () => {
    const v = plateVerdict(SHOP, { lat: 32.6546, lng: 51.668, accuracy: 1500 });
    expect(v.verdict).toBe('far');
    expect(v.distance).toBeGreaterThan(300_000);
  });
  it('reports the rounded distance and the limit used', () => {
    const v = plateVerdict(SHOP, { ...north(300), accuracy: 20 });
    expect(v).toEqual({ verdict: 'far', distance: 300, limit: 100 });
  });
});
