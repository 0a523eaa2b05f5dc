// The household registry (户籍): a person's registration and household, kinship checks for
// "joining a relative" moves, and the social-insurance record, each read for one named person.
import { validateIdNumber } from '../../../../src/rules/id-number';
import type { Deps } from '../../core/deps';
import { SandboxError } from '../../core/errors';
import type { HouseholdRecord, ResidentRecord } from '../../seed/types';
import { kinshipInHousehold, type Kinship } from './relations';
import { insuranceRecordOf } from './social-insurance';

/** Household records come from the police registry with its e-seal: level A. */
export const HOUSEHOLD_TRUST_LEVEL = 'A';

const personNotFound = () => new SandboxError(404, 'PERSON_NOT_FOUND', '户籍系统中未找到该身份证号的登记信息');

export function createHouseholdService({ models, clock }: Deps) {
  function checkedIdNumber(raw: string): string {
    const parsed = validateIdNumber(raw, clock.now());
    if (!parsed.ok) throw new SandboxError(400, 'INVALID_ID_NUMBER', parsed.message, { reason: parsed.code });
    return parsed.value;
  }

  async function personOf(raw: string): Promise<ResidentRecord> {
    const person = await models.Resident.findOne({ idNumber: checkedIdNumber(raw) }).lean<ResidentRecord>();
    if (!person) throw personNotFound();
    return person;
  }

  async function householdOf(person: ResidentRecord): Promise<HouseholdRecord> {
    const household = await models.Household.findById(person.householdId).lean<HouseholdRecord>();
    if (!household) throw personNotFound();
    return household;
  }

  const presentPerson = (p: ResidentRecord) => ({
    personId: p._id,
    name: p.name,
    idNumber: p.idNumber,
    sex: p.sex,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    maritalStatus: p.maritalStatus,
    status: p.status,
    cancelReason: p.cancelReason,
  });

  const presentHousehold = (h: HouseholdRecord) => ({
    householdId: h._id,
    householdNumber: h.householdNumber,
    type: h.type,
    city: h.city,
    divisionCode: h.divisionCode,
    address: h.address,
    policeStation: h.policeStation,
  });

  return {
    /** The person's registration with their household and its members (names and relations). */
    async record(idNumber: string) {
      const person = await personOf(idNumber);
      const household = await householdOf(person);
      const self = household.members.find((m) => m.personId === person._id);
      return {
        person: presentPerson(person),
        relationToHead: self?.relation ?? null,
        household: {
          ...presentHousehold(household),
          members: household.members.map((m) => ({ name: m.name, relation: m.relation })),
        },
        trustLevel: HOUSEHOLD_TRUST_LEVEL,
        issuer: household.policeStation,
        checkedAt: clock.now().toISOString(),
      };
    },

    /**
     * What `relative` is to `applicant`. Details of the relative (their household to move into)
     * are given only when the name matches the number, so a number alone reveals nothing.
     */
    async kinship(input: { idNumber: string; relativeIdNumber: string; relativeName: string }) {
      const applicant = await personOf(input.idNumber);
      const relativeId = checkedIdNumber(input.relativeIdNumber);
      const relative = await models.Resident.findOne({ idNumber: relativeId }).lean<ResidentRecord>();
      const checkedAt = clock.now().toISOString();
      if (!relative || relative.name !== input.relativeName.trim()) {
        return { nameMatches: false, relation: 'NONE' as Kinship, basis: null, relative: null, checkedAt };
      }
      let relation: Kinship = 'NONE';
      let basis: 'HOUSEHOLD' | 'MARRIAGE_REGISTER' | null = null;
      if (applicant.householdId === relative.householdId) {
        const household = await householdOf(applicant);
        const a = household.members.find((m) => m.personId === applicant._id)?.relation;
        const r = household.members.find((m) => m.personId === relative._id)?.relation;
        if (a && r) relation = kinshipInHousehold(a, r);
        if (relation !== 'NONE') basis = 'HOUSEHOLD';
      }
      if (relation === 'NONE') {
        const marriage = await models.Licence.findOne({
          type: 'MARRIAGE',
          status: 'VALID',
          holderIdNumber: applicant.idNumber,
          'data.spouseIdNumber': relative.idNumber,
        }).lean();
        if (marriage) {
          relation = 'SPOUSE';
          basis = 'MARRIAGE_REGISTER';
        }
      }
      const household = await householdOf(relative);
      return {
        nameMatches: true,
        relation,
        basis,
        sameHousehold: applicant.householdId === relative.householdId,
        relative: {
          sex: relative.sex,
          birthDate: relative.birthDate,
          status: relative.status,
          household: presentHousehold(household),
        },
        trustLevel: HOUSEHOLD_TRUST_LEVEL,
        checkedAt,
      };
    },

    async insurance(idNumber: string) {
      const person = await personOf(idNumber);
      return {
        ...insuranceRecordOf(person),
        name: person.name,
        trustLevel: 'A',
        issuer: '社会保险经办机构',
        checkedAt: clock.now().toISOString(),
      };
    },
  };
}
