import { validateIdNumber } from '../../../src/rules/id-number';
import { COMPOUND_SURNAMES } from '../../../src/rules/masking';
import { ageOn, REFERENCE_DATE } from './dates';
import { CITIES } from './divisions';
import { generatePopulation } from './population';
import type { Population } from './types';

const divisionCodes = new Set(CITIES.flatMap((c) => c.districts.map((d) => d.code)));
const referenceNow = new Date(`${REFERENCE_DATE}T12:00:00+08:00`);

describe('generatePopulation', () => {
  let population: Population;
  beforeAll(() => {
    population = generatePopulation(20261123);
  });

  it('is deterministic: one seed gives identical data, another seed different data', () => {
    const again = generatePopulation(20261123);
    expect(again).toEqual(population);
    expect(JSON.stringify(again)).toBe(JSON.stringify(population));
    const other = generatePopulation(42);
    expect(other.residents.map((r) => r.idNumber)).not.toEqual(population.residents.map((r) => r.idNumber));
  });

  it('has at least 2,000 residents, each with a valid ID number matching birth date and sex', () => {
    expect(population.residents.length).toBeGreaterThanOrEqual(2000);
    for (const resident of population.residents) {
      const parsed = validateIdNumber(resident.idNumber, referenceNow);
      expect(parsed).toMatchObject({
        ok: true,
        birthDate: resident.birthDate,
        sex: resident.sex,
        value: resident.idNumber,
      });
      if (parsed.ok) expect(divisionCodes.has(parsed.divisionCode)).toBe(true);
      expect(divisionCodes.has(resident.divisionCode)).toBe(true);
    }
    expect(new Set(population.residents.map((r) => r.idNumber)).size).toBe(population.residents.length);
  });

  it('gives unique, well-formed mobiles; generated people stay out of the persona range', () => {
    const mobiles = [...population.residents.map((r) => r.mobile), ...population.staff.map((s) => s.mobile)].filter(
      (m): m is string => m !== null,
    );
    expect(new Set(mobiles).size).toBe(mobiles.length);
    for (const mobile of mobiles) expect(mobile).toMatch(/^1(3\d|5[0-35-9]|66|7[678]|8\d|9[189])\d{8}$/);
    const generated = population.residents.filter((r) => !r._id.startsWith('P9') && r.mobile);
    expect(generated.every((r) => !r.mobile!.startsWith('1390000'))).toBe(true);
    // Adults have a mobile, young children none.
    expect(
      population.residents.filter((r) => ageOn(r.birthDate, REFERENCE_DATE) < 16).every((r) => r.mobile === null),
    ).toBe(true);
  });

  it('has Chinese names, some with compound surnames, and a few cancelled records', () => {
    expect(population.residents.every((r) => /^[\u4e00-\u9fa5]{2,4}$/.test(r.name))).toBe(true);
    expect(
      population.residents.filter((r) => COMPOUND_SURNAMES.some((s) => r.name.startsWith(s))).length,
    ).toBeGreaterThan(3);
    const cancelled = population.residents.filter((r) => r.status === 'CANCELLED');
    expect(cancelled.length).toBeGreaterThanOrEqual(2);
    expect(cancelled.length).toBeLessThan(population.residents.length * 0.03);
    expect(cancelled.every((r) => r.cancelReason && r.cancelledAt)).toBe(true);
  });

  it('builds households with one head and consistent relations', () => {
    const byId = new Map(population.residents.map((r) => [r._id, r]));
    const relations = new Set<string>();
    for (const household of population.households) {
      expect(household.members.filter((m) => m.relation === '户主')).toHaveLength(1);
      expect(household.householdNumber).toMatch(/^\d{9}$/);
      for (const member of household.members) {
        relations.add(member.relation);
        const person = byId.get(member.personId)!;
        expect(person.householdId).toBe(household._id);
        expect(person.divisionCode).toBe(household.divisionCode);
        if (member.relation === '子' || member.relation === '父亲') expect(person.sex).toBe('M');
        if (member.relation === '女' || member.relation === '母亲') expect(person.sex).toBe('F');
      }
      const head = byId.get(household.members[0].personId)!;
      for (const spouse of household.members.filter((m) => m.relation === '配偶')) {
        expect(byId.get(spouse.personId)!.sex).not.toBe(head.sex);
      }
    }
    expect([...relations].sort()).toEqual(['女', '子', '户主', '母亲', '父亲', '配偶'].sort());
    expect(new Set(population.households.map((h) => h.householdNumber)).size).toBe(population.households.length);
  });

  it('issues real-estate titles in the real number format with co-owners and all statuses', () => {
    const titleNumber = /^(粤|渝|川|京)\((20\d\d)\)[\u4e00-\u9fa5]{2,4}[市区]不动产权第\d{7}号$/;
    const statuses = new Set<string>();
    const ownership = new Set<string>();
    for (const title of population.titles) {
      expect(title.certificateNumber).toMatch(titleNumber);
      expect(title.unitNumber).toHaveLength(28);
      expect(title.unitNumber).toMatch(/^\d{12}GB\d{5}F\d{8}$/);
      expect(title.unitNumber.slice(0, 6)).toBe(title.divisionCode);
      expect(title.obligees.length).toBeGreaterThanOrEqual(1);
      if (title.coOwnership === '按份共有') {
        const total = title.obligees.reduce((sum, o) => sum + Number(o.share!.replace('%', '')), 0);
        expect(total).toBe(100);
      }
      if (title.coOwnership === '单独所有') expect(title.obligees).toHaveLength(1);
      expect((title.status === 'MORTGAGED') === (title.mortgage !== null)).toBe(true);
      expect((title.status === 'SEALED') === (title.seal !== null)).toBe(true);
      expect(title.term.to > title.term.from).toBe(true);
      expect(title.area).toBeGreaterThan(20);
      statuses.add(title.status);
      ownership.add(title.coOwnership);
    }
    expect([...statuses].sort()).toEqual(['MORTGAGED', 'NORMAL', 'OBJECTION', 'SEALED']);
    expect([...ownership].sort()).toEqual(['共同共有', '单独所有', '按份共有'].sort());
    expect(new Set(population.titles.map((t) => t.certificateNumber)).size).toBe(population.titles.length);
  });

  it('issues electronic licences of four types with trust levels', () => {
    const types = new Set(population.licences.map((l) => l.type));
    expect([...types].sort()).toEqual(['GRADUATION', 'HOUSEHOLD_REGISTER', 'ID_CARD', 'MARRIAGE']);
    expect(new Set(population.licences.map((l) => l.trustLevel))).toEqual(new Set(['A', 'B', 'C', 'D']));
    const residentIds = new Set(population.residents.map((r) => r._id));
    expect(population.licences.every((l) => residentIds.has(l.holderId))).toBe(true);
    // Every ID card is current on the reference date and numbered by the ID number.
    for (const card of population.licences.filter((l) => l.type === 'ID_CARD')) {
      expect(card.licenceNumber).toBe(card.holderIdNumber);
      expect(card.validFrom <= REFERENCE_DATE).toBe(true);
      if (card.validTo) expect(card.validTo > REFERENCE_DATE).toBe(true);
    }
  });

  it('has service halls per city with windows, hours and items, and staff, supervisors and guides', () => {
    for (const city of CITIES)
      expect(population.halls.filter((h) => h.city === city.name).length).toBeGreaterThanOrEqual(2);
    for (const hall of population.halls) {
      expect(hall.windows.length).toBeGreaterThanOrEqual(4);
      expect(hall.windows.every((w) => w.serviceItems.length > 0)).toBe(true);
      expect(hall.openingHours.length).toBeGreaterThanOrEqual(2);
      expect(population.staff.some((s) => s.hallId === hall._id && s.role === 'supervisor')).toBe(true);
    }
    const roles = new Set(population.staff.map((s) => s.role));
    expect(roles).toEqual(new Set(['staff', 'supervisor', 'guide']));
    expect(population.staff.filter((s) => s.role === 'guide').every((g) => g.community)).toBe(true);
  });

  it('contains the same hand-picked personas whatever the seed', () => {
    const other = generatePopulation(7);
    const pick = (p: Population) => p.personas.residents.map((ref) => p.residents.find((r) => r._id === ref.id));
    expect(pick(other)).toEqual(pick(population));
    expect(population.personas.residents.map((p) => p.key)).toEqual([
      'mortgaged-owner',
      'co-owner-a',
      'co-owner-b',
      'spouse-a',
      'spouse-b',
      'elder',
      'graduate',
      'no-property',
      'cancelled',
    ]);
    expect(population.personas.staff.map((p) => p.key)).toEqual(['staff-1', 'staff-2', 'supervisor']);
    expect(population.personas.guides.map((p) => p.key)).toEqual(['guide-1', 'guide-2']);
  });
});
