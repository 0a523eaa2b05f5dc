// The move rules as pure functions: each category's pass and every failing condition.
import { decide, sameAddress, type MoveFacts } from './move-categories';
import { addWorkingDays, workingDaysBetween } from './working-days';

const base: MoveFacts = {
  today: '2026-11-24',
  applicant: {
    birthDate: '1990-01-01',
    sex: 'M',
    status: 'ACTIVE',
    city: '重庆市',
    address: '重庆市渝北区新牌坊一路33号7栋0402房',
  },
};
const failing = (f: MoveFacts, c: Parameters<typeof decide>[0]) =>
  decide(c, f)
    .checks.filter((x) => !x.passed)
    .map((x) => x.key);
const title = {
  titleId: 'T1',
  city: '深圳市',
  location: '广东省深圳市南山区科技园路16号2栋0803房',
  status: 'NORMAL',
  share: null,
  coOwnership: '单独所有',
};
const kin = {
  nameMatches: true,
  relation: 'SPOUSE' as const,
  sameHousehold: false,
  relativeStatus: 'ACTIVE',
  relativeCity: '成都市',
};

describe('move rules', () => {
  it('property: pass, no title, sealed, objection, small share, already registered there', () => {
    expect(decide('PROPERTY', { ...base, titles: [title] })).toMatchObject({ eligible: true, titleId: 'T1' });
    expect(failing({ ...base, titles: [] }, 'PROPERTY')).toEqual(['HOLDS_TITLE']);
    expect(failing({ ...base, titles: [{ ...title, status: 'SEALED' }] }, 'PROPERTY')).toEqual(['TITLE_STATUS']);
    expect(failing({ ...base, titles: [{ ...title, status: 'OBJECTION' }] }, 'PROPERTY')).toEqual(['TITLE_STATUS']);
    expect(decide('PROPERTY', { ...base, titles: [{ ...title, status: 'MORTGAGED' }] }).eligible).toBe(true);
    const small = decide('PROPERTY', { ...base, titles: [{ ...title, share: '30%', coOwnership: '按份共有' }] });
    expect(small.checks.find((c) => !c.passed)?.message).toBe('您在该住房中的份额为 30%，低于本市要求的 50%');
    const home = { ...base, applicant: { ...base.applicant, address: '广东省深圳市南山区科技园路16号2栋0803房' } };
    expect(failing({ ...home, titles: [title] }, 'PROPERTY')).toEqual(['NOT_ALREADY_THERE']);
    expect(
      failing({ ...base, applicant: { ...base.applicant, status: 'CANCELLED' }, titles: [title] }, 'PROPERTY'),
    ).toEqual(['APPLICANT_ACTIVE']);
  });

  it('spouse: pass, unknown relative, inactive relative, not married, same household', () => {
    expect(decide('SPOUSE', { ...base, kinship: kin, marriageValid: true }).eligible).toBe(true);
    expect(failing({ ...base, kinship: null, marriageValid: false }, 'SPOUSE')).toEqual([
      'RELATIVE_IDENTITY',
      'MARRIAGE_VALID',
    ]);
    expect(
      failing({ ...base, kinship: { ...kin, relativeStatus: 'CANCELLED' }, marriageValid: true }, 'SPOUSE'),
    ).toEqual(['RELATIVE_ACTIVE']);
    expect(failing({ ...base, kinship: { ...kin, relation: 'NONE' }, marriageValid: false }, 'SPOUSE')).toEqual([
      'RELATION',
      'MARRIAGE_VALID',
    ]);
    expect(failing({ ...base, kinship: { ...kin, sameHousehold: true }, marriageValid: true }, 'SPOUSE')).toEqual([
      'NOT_SAME_HOUSEHOLD',
    ]);
  });

  it('parents and children: ages by sex, relation proof when the registry has no record', () => {
    const child = { ...kin, relation: 'CHILD' as const };
    const mother = (birthDate: string) => ({ ...base, applicant: { ...base.applicant, sex: 'F', birthDate } });
    expect(decide('ELDERLY_PARENT', { ...mother('1970-01-01'), kinship: child })).toMatchObject({
      eligible: true,
      extraUploads: [],
    });
    expect(failing({ ...mother('1972-01-01'), kinship: child }, 'ELDERLY_PARENT')).toEqual(['PARENT_AGE']);
    expect(
      failing({ ...base, applicant: { ...base.applicant, birthDate: '1970-01-01' }, kinship: child }, 'ELDERLY_PARENT'),
    ).toEqual(['PARENT_AGE']);
    expect(decide('ELDERLY_PARENT', { ...mother('1950-01-01'), kinship: { ...kin, relation: 'NONE' } })).toMatchObject({
      eligible: true,
      extraUploads: ['RELATION_PROOF'],
    });
    expect(failing({ ...mother('1950-01-01'), kinship: kin }, 'ELDERLY_PARENT')).toEqual(['RELATION']);
    const kid = { ...base, applicant: { ...base.applicant, birthDate: '2012-07-21' } };
    expect(decide('CHILD', { ...kid, kinship: { ...kin, relation: 'PARENT' } }).eligible).toBe(true);
    expect(failing({ ...base, kinship: { ...kin, relation: 'PARENT' } }, 'CHILD')).toEqual(['CHILD_AGE']);
  });

  it('talent and employment: degree, age, years since graduation, destination, insurance', () => {
    const grad = { valid: true, degree: '本科', graduatedOn: '2026-06-30' };
    const young = { ...base, applicant: { ...base.applicant, birthDate: '2003-04-18' }, destinationCity: '广州市' };
    expect(decide('TALENT', { ...young, graduation: grad }).eligible).toBe(true);
    expect(failing({ ...young, graduation: null }, 'TALENT')).toEqual(['GRADUATION']);
    expect(failing({ ...young, graduation: { ...grad, degree: '专科' } }, 'TALENT')).toEqual(['DEGREE']);
    expect(
      failing({ ...young, applicant: { ...young.applicant, birthDate: '1985-01-01' }, graduation: grad }, 'TALENT'),
    ).toEqual(['TALENT_AGE']);
    expect(
      decide('TALENT', {
        ...young,
        applicant: { ...young.applicant, birthDate: '1985-01-01' },
        graduation: { ...grad, degree: '博士' },
      }).eligible,
    ).toBe(true);
    expect(failing({ ...young, graduation: { ...grad, graduatedOn: '2018-07-01' } }, 'TALENT')).toEqual([
      'GRADUATION_RECENT',
    ]);
    expect(failing({ ...young, destinationCity: '重庆市', graduation: grad }, 'TALENT')).toEqual(['DESTINATION']);
    const insured = { city: '广州市', continuousMonths: 30, status: 'ACTIVE' };
    expect(decide('EMPLOYMENT', { ...young, insurance: insured }).eligible).toBe(true);
    expect(failing({ ...young, insurance: { ...insured, continuousMonths: 23 } }, 'EMPLOYMENT')).toEqual([
      'INSURANCE_MONTHS',
    ]);
    expect(
      failing(
        { ...young, applicant: { ...young.applicant, birthDate: '1970-01-01' }, insurance: insured },
        'EMPLOYMENT',
      ),
    ).toEqual(['EMPLOYMENT_AGE']);
  });

  it('addresses and working days', () => {
    expect(sameAddress('广东省广州市天河区天河路88号3栋1502房', '广东省广州市天河区天河路88号3栋1502房')).toBe(true);
    expect(sameAddress('广东省广州市天河区天河路88号3栋1502房', '广东省广州市天河区天河路88号3栋1501房')).toBe(false);
    // Friday 2026-09-18 + 5 working days: 21-24 Sep, then the Sunday make-up day 2026-09-20 counts first.
    expect(addWorkingDays('2026-09-18', 5)).toBe('2026-09-24');
    // 2026-09-30 + 3: the National Day holiday is skipped; 10-08, 10-09 and the Saturday make-up day 10-10 count.
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(workingDaysBetween('2026-11-20', '2026-11-27')).toBe(5);
    expect(workingDaysBetween('2026-11-27', '2026-11-20')).toBe(0);
  });
});
