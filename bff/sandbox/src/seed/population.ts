// The deterministic seeded population: the same seed gives the same residents, households,
// real-estate titles, electronic licences, service halls and staff, record for record.
// Ages and validity periods are computed against REFERENCE_DATE, never the clock.
import { validateIdNumber, makeIdNumber, sequenceForSex, type Sex } from '../../../src/rules/id-number';
import {
  buildGraduation,
  buildHouseholdRegister,
  buildIdCard,
  buildMarriage,
  buildTitle,
  UNIVERSITIES,
  type Degree,
  type TitleInput,
} from './builders';
import { addDays, addYears, ageOn, REFERENCE_DATE } from './dates';
import { addressOf, CITIES, findDistrict, type City, type District } from './divisions';
import { pickGivenName, pickSurname } from './names';
import { addPersonas, PERSONA_MOBILE_PREFIX } from './personas';
import { createRandom, type Random } from './random';
import { WINDOW_TYPES } from './service-items';
import type {
  HallRecord,
  HouseholdRecord,
  MaritalStatus,
  PersonaRef,
  Population,
  Relation,
  ResidentRecord,
  StaffRecord,
  TitleRecord,
  TitleStatus,
  TrustLevel,
} from './types';

/** Bump when the generator changes what it produces, so durable databases are re-seeded. */
export const POPULATION_VERSION = 1;
export const DEFAULT_RESIDENT_TARGET = 2200;

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];
const OPENID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BANKS = ['中国工商银行', '中国建设银行', '中国农业银行', '中国银行', '招商银行', '交通银行'];
const COMMUNITIES = ['东风', '和平', '新村', '建设', '幸福', '花园', '文化', '光明', '华侨', '南苑'];
const SUBDISTRICTS = ['东湖', '南华', '西园', '北苑', '新城', '城南', '江滨', '龙山'];

interface ResidentInput {
  id: string;
  name: string;
  idNumber: string;
  household: HouseholdRecord;
  relation: Relation;
  mobile: string | null;
  openid: string | null;
  maritalStatus: MaritalStatus;
  cancelled?: { reason: string; at: string };
}

/** Collects records and enforces the uniqueness rules shared by personas and generated people. */
export class PopulationBuilder {
  readonly residents: ResidentRecord[] = [];
  readonly households: HouseholdRecord[] = [];
  readonly titles: TitleRecord[] = [];
  readonly licences: Population['licences'] = [];
  readonly halls: HallRecord[] = [];
  readonly staff: StaffRecord[] = [];
  readonly personas: Population['personas'] = { residents: [], staff: [], guides: [] };
  readonly idNumbers = new Set<string>();
  readonly mobiles = new Set<string>();
  readonly certificateNumbers = new Set<string>();
  private readonly residentsById = new Map<string, ResidentRecord>();

  household(
    id: string,
    divisionCode: string,
    street: string,
    number: number,
    building: number,
    room: string,
  ): HouseholdRecord {
    const { city, district } = findDistrict(divisionCode);
    const index = this.households.length + 1;
    const record: HouseholdRecord = {
      _id: id,
      // 户号: nine digits, unique within the seed.
      householdNumber: String((index * 7919 + 104729) % 1_000_000_000).padStart(9, '0'),
      type: '家庭户',
      divisionCode,
      city: city.name,
      address: addressOf(divisionCode, street, number, building, room),
      policeStation: `${city.name}公安局${district.name}分局${street.slice(0, 2)}派出所`,
      members: [],
    };
    this.households.push(record);
    return record;
  }

  resident(input: ResidentInput): ResidentRecord {
    const parsed = validateIdNumber(input.idNumber, new Date(`${REFERENCE_DATE}T00:00:00+08:00`));
    if (!parsed.ok) throw new Error(`seed produced an invalid ID number for ${input.id}: ${parsed.code}`);
    if (this.idNumbers.has(parsed.value)) throw new Error(`duplicate ID number for ${input.id}`);
    if (input.mobile && this.mobiles.has(input.mobile)) throw new Error(`duplicate mobile for ${input.id}`);
    this.idNumbers.add(parsed.value);
    if (input.mobile) this.mobiles.add(input.mobile);
    const household = input.household;
    const record: ResidentRecord = {
      _id: input.id,
      idNumber: parsed.value,
      name: input.name,
      sex: parsed.sex,
      birthDate: parsed.birthDate,
      ethnicity: '汉族',
      divisionCode: household.divisionCode,
      city: household.city,
      householdId: household._id,
      address: household.address,
      mobile: input.mobile,
      wechatOpenid: input.openid,
      wechatUnionid: input.openid ? `oU${input.openid.slice(2)}` : null,
      maritalStatus: input.maritalStatus,
      status: input.cancelled ? 'CANCELLED' : 'ACTIVE',
      cancelReason: input.cancelled?.reason ?? null,
      cancelledAt: input.cancelled?.at ?? null,
    };
    this.residents.push(record);
    this.residentsById.set(record._id, record);
    household.members.push({ personId: record._id, name: record.name, relation: input.relation });
    this.addStandardLicences(record, household, input.relation);
    return record;
  }

  private nextLicenceId(): string {
    return `L${String(this.licences.length + 1).padStart(8, '0')}`;
  }

  /** ID card (from 16, renewed at each expiry) and the household-register page. */
  private addStandardLicences(person: ResidentRecord, household: HouseholdRecord, relation: Relation): void {
    if (ageOn(person.birthDate, REFERENCE_DATE) >= 16) {
      let issuedAt = addYears(person.birthDate, 16);
      for (;;) {
        const card = buildIdCard('', person, issuedAt);
        if (card.validTo === null || card.validTo > REFERENCE_DATE) break;
        issuedAt = card.validTo;
      }
      this.licences.push(buildIdCard(this.nextLicenceId(), person, issuedAt));
    }
    const issuedAt = person.birthDate > '2012-03-01' ? person.birthDate : '2012-03-01';
    this.licences.push(buildHouseholdRegister(this.nextLicenceId(), person, { ...household, relation }, issuedAt));
  }

  marriage(
    a: ResidentRecord,
    b: ResidentRecord,
    registeredAt: string,
    officeDivision: string,
    serial: number,
    trust: TrustLevel,
  ): void {
    this.licences.push(buildMarriage(this.nextLicenceId(), a, b, registeredAt, officeDivision, serial, trust));
    this.licences.push(buildMarriage(this.nextLicenceId(), b, a, registeredAt, officeDivision, serial, trust));
  }

  graduation(
    person: ResidentRecord,
    universityCode: string,
    degree: Degree,
    graduatedOn: string,
    serial: number,
    trust: TrustLevel,
  ): void {
    const university = UNIVERSITIES.find((u) => u.code === universityCode);
    if (!university) throw new Error(`unknown university ${universityCode}`);
    this.licences.push(buildGraduation(this.nextLicenceId(), person, university, degree, graduatedOn, serial, trust));
  }

  /** Returns false (and adds nothing) when the certificate number is taken. */
  title(input: TitleInput): boolean {
    const record = buildTitle(input);
    if (this.certificateNumbers.has(record.certificateNumber)) return false;
    this.certificateNumbers.add(record.certificateNumber);
    this.titles.push(record);
    return true;
  }

  staffMember(record: StaffRecord, persona?: Omit<PersonaRef, 'id'>): void {
    if (this.mobiles.has(record.mobile)) throw new Error(`duplicate mobile for ${record._id}`);
    this.mobiles.add(record.mobile);
    this.staff.push(record);
    if (persona)
      (record.role === 'guide' ? this.personas.guides : this.personas.staff).push({ ...persona, id: record._id });
  }

  personaResident(key: string, id: string, label: string, notes: string): void {
    if (!this.residentsById.has(id)) throw new Error(`persona ${key} names unknown resident ${id}`);
    this.personas.residents.push({ key, label, notes, id });
  }

  findResident(id: string): ResidentRecord | undefined {
    return this.residentsById.get(id);
  }
}

/** Everything the random part of the generator needs. */
class Generator {
  private personCounter = 0;
  private householdCounter = 0;
  private titleCounter = 0;
  private marriageSerial = 0;
  private graduationSerial = 0;

  constructor(
    private readonly b: PopulationBuilder,
    private readonly random: Random,
  ) {}

  private birthDateForAge(age: number): string {
    // A birthday within the year before REFERENCE_DATE minus `age` years.
    const latest = addYears(REFERENCE_DATE, -age);
    return addDays(latest, -this.random.int(1, 364));
  }

  private uniqueIdNumber(division: string, birthDate: string, sex: Sex): string {
    for (;;) {
      const id = makeIdNumber(division, birthDate, sequenceForSex(this.random.int(0, 499), sex));
      if (!this.b.idNumbers.has(id)) return id;
    }
  }

  uniqueMobile(): string {
    for (;;) {
      const mobile = this.random.pick(MOBILE_PREFIXES) + this.random.chars(8, '0123456789');
      if (!mobile.startsWith(PERSONA_MOBILE_PREFIX) && !this.b.mobiles.has(mobile)) return mobile;
    }
  }

  private birthDivision(household: District): string {
    // Most people were born where they are registered; some moved in from another city.
    if (this.random.chance(0.82)) return household.code;
    return this.random.pick(this.random.pick(CITIES).districts).code;
  }

  private person(
    household: HouseholdRecord,
    district: District,
    relation: Relation,
    sex: Sex,
    age: number,
    surname: string,
    marital: MaritalStatus,
  ): ResidentRecord {
    this.personCounter += 1;
    const birthDate = this.birthDateForAge(age);
    const adult = age >= 16;
    const cancelled = age >= 30 && this.random.chance(0.006);
    return this.b.resident({
      id: `P${String(this.personCounter).padStart(7, '0')}`,
      name: surname + pickGivenName(this.random, sex),
      idNumber: this.uniqueIdNumber(this.birthDivision(district), birthDate, sex),
      household,
      relation,
      mobile: adult ? this.uniqueMobile() : null,
      openid: adult && this.random.chance(0.9) ? 'o' + this.random.chars(27, OPENID_ALPHABET) : null,
      maritalStatus: marital,
      cancelled: cancelled
        ? {
            reason: this.random.pick(['死亡', '出国（境）定居', '参军入伍', '重复登记']),
            at: addDays(REFERENCE_DATE, -this.random.int(30, 2000)),
          }
        : undefined,
    });
  }

  household(): void {
    const city = this.random.weighted(CITIES.map((c) => [c, c.weight] as const));
    const district = this.random.pick(city.districts);
    this.householdCounter += 1;
    const household = this.b.household(
      `H${String(this.householdCounter).padStart(7, '0')}`,
      district.code,
      this.random.pick(district.streets),
      this.random.int(1, 399),
      this.random.int(1, 20),
      `${String(this.random.int(1, 32)).padStart(2, '0')}0${this.random.int(1, 6)}`,
    );
    const headSex: Sex = this.random.chance(0.7) ? 'M' : 'F';
    const headAge = this.random.int(22, 88);
    const married = headAge >= 24 && this.random.chance(0.72);
    const singleStatus: MaritalStatus =
      headAge < 35
        ? '未婚'
        : this.random.weighted([
            ['未婚', 2],
            ['离异', 2],
            ['丧偶', headAge > 60 ? 5 : 1],
          ]);
    const headSurname = pickSurname(this.random);
    const head = this.person(
      household,
      district,
      '户主',
      headSex,
      headAge,
      headSurname,
      married ? '已婚' : singleStatus,
    );
    let spouse: ResidentRecord | null = null;
    if (married) {
      const spouseAge = Math.max(20, headAge + this.random.int(-5, 5));
      spouse = this.person(
        household,
        district,
        '配偶',
        headSex === 'M' ? 'F' : 'M',
        spouseAge,
        pickSurname(this.random),
        '已婚',
      );
      const earliest = Math.max(ageOn(head.birthDate, REFERENCE_DATE), ageOn(spouse.birthDate, REFERENCE_DATE));
      const yearsMarried = this.random.int(1, Math.max(1, Math.min(earliest - 22, 45)));
      this.marriageSerial += 1;
      this.b.marriage(
        head,
        spouse,
        addDays(addYears(REFERENCE_DATE, -yearsMarried), -this.random.int(0, 300)),
        district.code,
        this.marriageSerial,
        this.random.chance(0.85) ? 'A' : 'B',
      );
      const youngest = Math.min(headAge, spouseAge);
      const children =
        youngest >= 24
          ? this.random.weighted([
              [0, 2],
              [1, 5],
              [2, 3],
              [3, 1],
            ] as const)
          : 0;
      for (let i = 0; i < children; i += 1) {
        const age = youngest - this.random.int(23, 36);
        if (age < 0) continue;
        const sex: Sex = this.random.chance(0.52) ? 'M' : 'F';
        // Children take the father's surname.
        const surname = this.surnameOf(headSex === 'M' ? head : spouse);
        this.person(
          household,
          district,
          sex === 'M' ? '子' : '女',
          sex,
          age,
          surname,
          age >= 30 && this.random.chance(0.6) ? '已婚' : '未婚',
        );
      }
    }
    if (headAge >= 28 && headAge <= 55 && this.random.chance(0.15)) {
      const parentAge = headAge + this.random.int(24, 32);
      this.person(household, district, '父亲', 'M', parentAge, this.surnameOf(head), '已婚');
      if (this.random.chance(0.7))
        this.person(
          household,
          district,
          '母亲',
          'F',
          parentAge + this.random.int(-3, 2),
          pickSurname(this.random),
          '已婚',
        );
    }
    this.properties(city, district, head, spouse);
    this.graduations(household);
  }

  /** Surname as written in the name (one character, or a compound surname of two). */
  private surnameOf(person: ResidentRecord): string {
    const compound = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '慕容'];
    const two = person.name.slice(0, 2);
    return compound.includes(two) && person.name.length >= 3 ? two : person.name.slice(0, 1);
  }

  private properties(city: City, district: District, head: ResidentRecord, spouse: ResidentRecord | null): void {
    const age = ageOn(head.birthDate, REFERENCE_DATE);
    if (age < 26 || !this.random.chance(0.5)) return;
    const count = this.random.chance(0.12) ? 2 : 1;
    for (let i = 0; i < count; i += 1) {
      const where = i === 0 ? district : this.random.pick(city.districts);
      let obligees: TitleInput['obligees'];
      let coOwnership: TitleRecord['coOwnership'];
      const mode = spouse
        ? this.random.weighted([
            ['共同共有', 6],
            ['单独所有', 3],
            ['按份共有', 1],
          ] as const)
        : this.random.weighted([
            ['单独所有', 9],
            ['按份共有', 1],
          ] as const);
      if (mode === '共同共有' && spouse) {
        obligees = [
          { person: head, share: null },
          { person: spouse, share: null },
        ];
        coOwnership = '共同共有';
      } else if (mode === '按份共有') {
        const other = spouse ?? this.otherAdult(head);
        const share = this.random.pick([50, 60, 70]);
        obligees = other
          ? [
              { person: head, share: `${share}%` },
              { person: other, share: `${100 - share}%` },
            ]
          : [{ person: head, share: null }];
        coOwnership = other ? '按份共有' : '单独所有';
      } else {
        obligees = [{ person: head, share: null }];
        coOwnership = '单独所有';
      }
      const status = this.random.weighted<TitleStatus>([
        ['NORMAL', 70],
        ['MORTGAGED', 22],
        ['SEALED', 4],
        ['OBJECTION', 4],
      ]);
      const year = this.random.int(2016, 2025);
      // The land grant (start of the land-use term) precedes the registration.
      const builtOn = addDays(`${this.random.int(1995, year - 1)}-01-01`, this.random.int(0, 364));
      const street = this.random.pick(where.streets);
      const number = this.random.int(1, 399);
      const building = this.random.int(1, 20);
      const floor = this.random.int(1, 32);
      const room = `${String(floor).padStart(2, '0')}0${this.random.int(1, 6)}`;
      this.titleCounter += 1;
      const input: TitleInput = {
        id: `T${String(this.titleCounter).padStart(7, '0')}`,
        divisionCode: where.code,
        year,
        serial: this.random.int(1, 9_999_999),
        unit: {
          zone: this.random.int(1, 30),
          subZone: this.random.int(1, 12),
          parcel: this.random.int(1, 99_999),
          building,
          unit: Number(room),
        },
        obligees,
        coOwnership,
        location: addressOf(where.code, street, number, building, room),
        area: Math.round(this.random.int(4500, 16000)) / 100,
        builtOn,
        registeredAt: addDays(`${year}-01-01`, this.random.int(0, 360)),
        status,
        mortgage: {
          mortgagee: `${this.random.pick(BANKS)}股份有限公司${city.name.replace('市', '')}${where.name.replace(/区$/, '')}支行`,
          amountYuan: this.random.int(30, 300) * 10_000,
          years: this.random.pick([10, 20, 25, 30]),
          proofSerial: this.random.int(1, 9_999_999),
        },
        sealCaseSerial: this.random.int(100, 9999),
        objectionApplicant: this.random.chance(0.5) ? '利害关系人' : pickSurname(this.random) + '某',
      };
      // A clash of title numbers is astronomically rare; draw a new serial if it happens.
      while (!this.b.title(input)) input.serial = this.random.int(1, 9_999_999);
    }
  }

  private otherAdult(except: ResidentRecord): ResidentRecord | null {
    const candidates = this.b.residents.filter(
      (r) =>
        r._id !== except._id &&
        r.status === 'ACTIVE' &&
        !r._id.startsWith('P9') &&
        ageOn(r.birthDate, REFERENCE_DATE) >= 22,
    );
    return candidates.length ? this.random.pick(candidates.slice(-50)) : null;
  }

  private graduations(household: HouseholdRecord): void {
    for (const member of household.members) {
      const person = this.b.findResident(member.personId)!;
      const age = ageOn(person.birthDate, REFERENCE_DATE);
      if (age < 22 || age > 55 || !this.random.chance(0.5)) continue;
      const degree = this.random.weighted<Degree>([
        ['本科', 6],
        ['专科', 3],
        ['硕士研究生', 1],
      ]);
      const gradAge = degree === '专科' ? 21 : degree === '本科' ? 22 : 25;
      if (age < gradAge) continue;
      const graduatedOn = `${Number(person.birthDate.slice(0, 4)) + gradAge}-${this.random.pick(['06-30', '07-01'])}`;
      const trust = this.random.weighted<TrustLevel>([
        ['A', 60],
        ['B', 20],
        ['C', 15],
        ['D', 5],
      ]);
      this.graduationSerial += 1;
      this.b.graduation(person, this.random.pick(UNIVERSITIES).code, degree, graduatedOn, this.graduationSerial, trust);
    }
  }

  halls(): void {
    const plan: Record<City['key'], Array<[string, string, string, string]>> = {
      guangzhou: [
        ['HALL-GZ-01', '广州市政务服务中心', '440106', '天河区天府路1号'],
        ['HALL-GZ-02', '天河区政务服务中心', '440106', '天河区黄埔大道西100号'],
        ['HALL-GZ-03', '越秀区政务服务中心', '440104', '越秀区东风中路268号'],
      ],
      shenzhen: [
        ['HALL-SZ-01', '深圳市民中心行政服务大厅', '440304', '福田区福中三路市民中心B区'],
        ['HALL-SZ-02', '南山区政务服务中心', '440305', '南山区南头街道南山大道2076号'],
      ],
      chongqing: [
        ['HALL-CQ-01', '重庆市政务服务中心', '500112', '渝北区青枫北路8号'],
        ['HALL-CQ-02', '沙坪坝区政务服务中心', '500106', '沙坪坝区天星桥正街2号'],
      ],
      chengdu: [
        ['HALL-CD-01', '成都市政务服务中心', '510107', '武侯区锦悦西路2号'],
        ['HALL-CD-02', '双流区政务服务中心', '510116', '双流区东升街道藏卫路北段85号'],
      ],
      beijing: [
        ['HALL-BJ-01', '北京市政务服务中心', '110106', '丰台区西三环南路1号'],
        ['HALL-BJ-02', '朝阳区政务服务中心', '110105', '朝阳区工体东路20号'],
      ],
    };
    for (const city of CITIES) {
      for (const [id, name, divisionCode, place] of plan[city.key]) {
        const essential = WINDOW_TYPES.filter((w) =>
          ['综合受理窗口', '户籍业务窗口', '不动产登记窗口'].includes(w.name),
        );
        const optional = this.random
          .shuffle(WINDOW_TYPES.filter((w) => !essential.includes(w)))
          .slice(0, this.random.int(1, 3));
        const types = [...essential, ...optional];
        const windows: HallRecord['windows'] = [];
        for (const type of types) {
          const copies = type.name === '综合受理窗口' ? this.random.int(2, 3) : 1;
          for (let i = 0; i < copies; i += 1) {
            windows.push({
              windowNo: String(windows.length + 1).padStart(2, '0'),
              name: copies > 1 ? `${type.name}${i + 1}` : type.name,
              serviceItems: [...type.serviceItems],
            });
          }
        }
        const weekday = [1, 2, 3, 4, 5];
        const openingHours = [
          { weekdays: weekday, open: '09:00', close: '12:00' },
          { weekdays: weekday, open: '13:00', close: '17:00' },
          ...(this.random.chance(0.6) ? [{ weekdays: [6], open: '09:00', close: '12:00' }] : []),
        ];
        const hall: HallRecord = {
          _id: id,
          name,
          city: city.name,
          divisionCode,
          address: `${city.addressPrefix}${place}`,
          phone: `${{ guangzhou: '020', shenzhen: '0755', chongqing: '023', chengdu: '028', beijing: '010' }[city.key]}-${this.random.chars(8, '0123456789').replace(/^0/, '8')}`,
          openingHours,
          slotMinutes: 30,
          capacityPerSlot: this.random.pick([4, 6, 8]),
          windows,
          serviceItems: [...new Set(windows.flatMap((w) => w.serviceItems))].sort(),
        };
        this.b.halls.push(hall);
        this.hallStaff(city, hall);
      }
      this.guides(city);
    }
  }

  private staffCounter = 0;

  private hallStaff(city: City, hall: HallRecord): void {
    const count = this.random.int(4, 6);
    const roles: StaffRecord['role'][] = [...Array<StaffRecord['role']>(count).fill('staff'), 'supervisor'];
    for (const role of roles) {
      this.staffCounter += 1;
      const sex: Sex = this.random.chance(0.55) ? 'F' : 'M';
      this.b.staffMember({
        _id: `S${String(this.staffCounter).padStart(7, '0')}`,
        employeeNumber: `${hall._id.slice(5, 7)}${String(1000 + this.staffCounter)}`,
        name: pickSurname(this.random) + pickGivenName(this.random, sex),
        mobile: this.uniqueMobile(),
        role,
        city: city.name,
        divisionCode: hall.divisionCode,
        hallId: hall._id,
        windowNo: role === 'staff' ? this.random.pick(hall.windows).windowNo : null,
        community: null,
        onDuty: this.random.chance(0.85),
      });
    }
  }

  private guides(city: City): void {
    for (let i = 0; i < 8; i += 1) {
      const district = this.random.pick(city.districts);
      this.staffCounter += 1;
      const sex: Sex = this.random.chance(0.6) ? 'F' : 'M';
      this.b.staffMember({
        _id: `S${String(this.staffCounter).padStart(7, '0')}`,
        employeeNumber: `G${city.code.slice(0, 4)}${String(this.staffCounter).padStart(4, '0')}`,
        name: pickSurname(this.random) + pickGivenName(this.random, sex),
        mobile: this.uniqueMobile(),
        role: 'guide',
        city: city.name,
        divisionCode: district.code,
        hallId: null,
        windowNo: null,
        community: `${district.name}${this.random.pick(SUBDISTRICTS)}街道${this.random.pick(COMMUNITIES)}社区`,
        onDuty: this.random.chance(0.9),
      });
    }
  }
}

export interface GenerateOptions {
  /** Minimum number of residents (personas included). */
  residents?: number;
}

export function generatePopulation(seed: number, options: GenerateOptions = {}): Population {
  const target = options.residents ?? DEFAULT_RESIDENT_TARGET;
  const builder = new PopulationBuilder();
  addPersonas(builder);
  const random = createRandom(seed);
  const people = new Generator(builder, random.fork('people'));
  while (builder.residents.length < target) people.household();
  new Generator(builder, random.fork('halls')).halls();
  return {
    seed,
    residents: builder.residents,
    households: builder.households,
    titles: builder.titles,
    licences: builder.licences,
    halls: builder.halls,
    staff: builder.staff,
    personas: builder.personas,
  };
}
