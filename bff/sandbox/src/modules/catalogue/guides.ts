// The standard guide (办事指南) of every service item: conditions, materials with the service
// that holds each one, the statutory time limit in working days, fee, legal basis and visits.
// One list per item and one source of truth: the halls (seed/service-items.ts) refer to the
// same codes. A material whose `source` is a platform service is fetched with the applicant's
// consent; only `upload` materials are asked of the applicant.
import { SERVICE_ITEMS } from '../../seed/service-items';

export type MaterialSource = 'household' | 'realestate' | 'licence' | 'education' | 'social-insurance' | 'upload';
export type LicenceType = 'ID_CARD' | 'HOUSEHOLD_REGISTER' | 'MARRIAGE' | 'GRADUATION';
export type MoveCategory = 'PROPERTY' | 'SPOUSE' | 'ELDERLY_PARENT' | 'CHILD' | 'TALENT' | 'EMPLOYMENT';

export interface GuideMaterial {
  /** Stable key shared with the BFF's move rules and the case file. */
  key: string;
  name: string;
  source: MaterialSource;
  licenceType?: LicenceType;
  required: boolean;
  /** What the material is for, or what to upload when no service holds it. */
  note: string;
}

export interface ServiceGuide {
  code: string;
  name: string;
  department: string;
  /** Move-in category for household-move items. */
  moveCategory?: MoveCategory;
  summary: string;
  keywords: string[];
  conditions: string[];
  materials: GuideMaterial[];
  timeLimitDays: number;
  legalTimeLimitDays: number;
  fee: string;
  legalBasis: string[];
  visitsNeeded: 0 | 1;
  onlineAvailable: boolean;
  crossProvince: boolean;
  updatedAt: string;
}

const m = {
  idCard: {
    key: 'ID_CARD',
    name: '居民身份证',
    source: 'licence',
    licenceType: 'ID_CARD',
    required: true,
    note: '申请人本人的居民身份证（电子证照）',
  },
  household: {
    key: 'HOUSEHOLD_RECORD',
    name: '户口簿（迁出地户籍信息）',
    source: 'household',
    required: true,
    note: '由户籍系统提供申请人现户籍信息',
  },
  title: {
    key: 'PROPERTY_TITLE',
    name: '不动产权证书',
    source: 'realestate',
    required: true,
    note: '申请人为权利人的住房不动产权证书',
  },
  marriage: {
    key: 'MARRIAGE_CERT',
    name: '结婚证',
    source: 'licence',
    licenceType: 'MARRIAGE',
    required: true,
    note: '与被投靠配偶的结婚证（电子证照）',
  },
  hostHousehold: {
    key: 'HOST_HOUSEHOLD',
    name: '被投靠人户口簿',
    source: 'household',
    required: true,
    note: '由户籍系统提供被投靠人的户籍信息',
  },
  relation: {
    key: 'RELATION_PROOF',
    name: '亲属关系证明',
    source: 'household',
    required: true,
    note: '户籍系统登记的亲属关系；系统无记录时需上传出生医学证明等证明',
  },
  birth: {
    key: 'BIRTH_CERT',
    name: '出生医学证明',
    source: 'upload',
    required: true,
    note: '未成年子女的出生医学证明（拍照或扫描，jpg/png/pdf，不超过 5 MB）',
  },
  graduation: {
    key: 'GRADUATION_CERT',
    name: '毕业证书',
    source: 'licence',
    licenceType: 'GRADUATION',
    required: true,
    note: '全日制普通高校毕业证书（电子证照）',
  },
  agreement: {
    key: 'EMPLOYMENT_AGREEMENT',
    name: '就业协议书或劳动合同',
    source: 'upload',
    required: true,
    note: '与本市用人单位签订的就业协议书或劳动合同（jpg/png/pdf，不超过 5 MB）',
  },
  insurance: {
    key: 'SOCIAL_INSURANCE',
    name: '社会保险缴费记录',
    source: 'social-insurance',
    required: true,
    note: '由社保系统提供在本市连续缴纳社会保险的记录',
  },
  contract: {
    key: 'LABOUR_CONTRACT',
    name: '劳动合同',
    source: 'upload',
    required: true,
    note: '与本市用人单位签订的劳动合同（jpg/png/pdf，不超过 5 MB）',
  },
} as const satisfies Record<string, GuideMaterial>;

const MOVE_BASIS = [
  '《中华人民共和国户口登记条例》第十条、第十三条',
  '《国务院关于进一步推进户籍制度改革的意见》（国发〔2014〕25号）',
  '本市户籍准入管理规定（以本市公布的现行版本为准）',
];
const MOVE_KEYWORDS = ['户口', '户籍', '迁移', '迁入', '落户', '入户', '迁户口', '跨省通办'];
const UPDATED = '2026-09-01';

function moveItem(
  code: string,
  moveCategory: MoveCategory,
  summary: string,
  keywords: string[],
  conditions: string[],
  materials: GuideMaterial[],
  timeLimitDays: number,
  visitsNeeded: 0 | 1,
): ServiceGuide {
  const ref = SERVICE_ITEMS.find((item) => item.code === code);
  if (!ref) throw new Error(`unknown service item ${code}`);
  return {
    code,
    name: ref.name,
    department: `${ref.department}（户政）`,
    moveCategory,
    summary,
    keywords: [...MOVE_KEYWORDS, ...keywords],
    conditions,
    materials,
    timeLimitDays,
    legalTimeLimitDays: timeLimitDays * 2,
    fee: '不收费',
    legalBasis: MOVE_BASIS,
    visitsNeeded,
    onlineAvailable: true,
    crossProvince: true,
    updatedAt: UPDATED,
  };
}

export const GUIDES: readonly ServiceGuide[] = [
  moveItem(
    'HJ-QR-GF',
    'PROPERTY',
    '在本市购买住房并取得不动产权证书的，可将户口迁入该住房地址。',
    ['购房', '买房', '房产', '不动产'],
    [
      '申请人是本市住房的不动产权证书权利人（共有的，份额不低于本市规定的比例）',
      '房屋未被查封，且没有登记异议',
      '申请人现户籍不在该住房地址',
    ],
    [m.idCard, m.household, m.title],
    10,
    0,
  ),
  moveItem(
    'HJ-QR-FQ',
    'SPOUSE',
    '与本市户籍居民结婚的，可投靠配偶将户口迁入配偶户内。',
    ['夫妻', '配偶', '结婚', '投靠'],
    ['与被投靠人为合法夫妻，结婚证在有效状态', '被投靠人为本市户籍居民', '申请人与被投靠人不在同一户内'],
    [m.idCard, m.household, m.marriage, m.hostHousehold],
    15,
    0,
  ),
  moveItem(
    'HJ-QR-FM',
    'ELDERLY_PARENT',
    '男满 60 周岁、女满 55 周岁的父母，可投靠在本市落户的子女。',
    ['父母', '老人', '投靠子女', '养老'],
    ['申请人为被投靠人的父亲或母亲', '申请人男满 60 周岁、女满 55 周岁', '被投靠子女为本市户籍居民'],
    [m.idCard, m.household, m.hostHousehold, m.relation],
    15,
    0,
  ),
  moveItem(
    'HJ-QR-ZN',
    'CHILD',
    '未成年子女可投靠父亲或母亲，将户口迁入父（母）户内。',
    ['子女', '孩子', '小孩', '未成年', '投靠父母'],
    ['申请人为被投靠人的子女', '申请人未满 18 周岁', '被投靠的父亲或母亲为本市户籍居民'],
    [m.idCard, m.household, m.hostHousehold, m.relation, m.birth],
    10,
    1,
  ),
  moveItem(
    'HJ-QR-RC',
    'TALENT',
    '全日制普通高校毕业生（本科及以上）在本市就业的，可将户口迁入本市。',
    ['人才', '毕业生', '大学生', '应届', '学历', '人才引进'],
    [
      '具有全日制普通高校本科及以上学历，毕业证书有效',
      '毕业后不超过本市规定的年限',
      '年龄在本市规定的上限以内',
      '已与本市用人单位签订就业协议或劳动合同',
    ],
    [m.idCard, m.household, m.graduation, m.agreement],
    5,
    0,
  ),
  moveItem(
    'HJ-QR-JY',
    'EMPLOYMENT',
    '在本市稳定就业并连续缴纳社会保险达到规定年限的，可将户口迁入本市。',
    ['就业', '工作', '社保', '社会保险', '务工'],
    ['在本市连续缴纳城镇职工社会保险达到本市规定的年限', '已与本市用人单位签订劳动合同', '年龄在本市规定的上限以内'],
    [m.idCard, m.household, m.insurance, m.contract],
    10,
    0,
  ),
  {
    code: 'SFZ-HL',
    name: '居民身份证换领',
    department: '公安（户政）',
    summary: '居民身份证有效期满、证件损坏或登记项目变更的，可申请换领。',
    keywords: ['身份证', '换证', '到期', '补领'],
    conditions: ['本市户籍居民，或在本市居住的外地户籍居民（异地换领）', '身份证有效期将满（三个月内）、已过期或损坏'],
    materials: [m.idCard, m.household],
    timeLimitDays: 20,
    legalTimeLimitDays: 60,
    fee: '20 元（工本费）',
    legalBasis: ['《中华人民共和国居民身份证法》第十一条、第二十条'],
    visitsNeeded: 1,
    onlineAvailable: false,
    crossProvince: true,
    updatedAt: UPDATED,
  },
  {
    code: 'BDC-CX',
    name: '不动产登记资料查询',
    department: '不动产登记',
    summary: '权利人可查询本人名下不动产的登记资料。',
    keywords: ['不动产', '房产', '查询', '产权', '房产证'],
    conditions: ['查询人为不动产权利人或其委托的人'],
    materials: [m.idCard],
    timeLimitDays: 1,
    legalTimeLimitDays: 5,
    fee: '不收费',
    legalBasis: ['《不动产登记资料查询暂行办法》'],
    visitsNeeded: 0,
    onlineAvailable: true,
    crossProvince: false,
    updatedAt: UPDATED,
  },
  {
    code: 'BDC-ZY',
    name: '不动产转移登记',
    department: '不动产登记',
    summary: '买卖、赠与、继承等导致不动产权利转移的，应申请转移登记。',
    keywords: ['过户', '买卖', '赠与', '继承', '不动产'],
    conditions: ['不动产已办理首次登记', '房屋未被查封'],
    materials: [
      m.idCard,
      m.title,
      {
        key: 'TRANSFER_CONTRACT',
        name: '买卖合同或其他转移依据',
        source: 'upload',
        required: true,
        note: '买卖合同、赠与合同或继承公证书（jpg/png/pdf，不超过 5 MB）',
      },
    ],
    timeLimitDays: 5,
    legalTimeLimitDays: 30,
    fee: '住宅 80 元/件',
    legalBasis: ['《不动产登记暂行条例》第十四条、第二十条'],
    visitsNeeded: 1,
    onlineAvailable: true,
    crossProvince: false,
    updatedAt: UPDATED,
  },
  {
    code: 'BDC-DY',
    name: '不动产抵押登记',
    department: '不动产登记',
    summary: '以不动产设定抵押的，当事人应申请抵押登记。',
    keywords: ['抵押', '贷款', '按揭', '不动产'],
    conditions: ['抵押人为不动产权利人', '房屋未被查封'],
    materials: [
      m.idCard,
      m.title,
      {
        key: 'MORTGAGE_CONTRACT',
        name: '抵押合同与主债权合同',
        source: 'upload',
        required: true,
        note: '（jpg/png/pdf，不超过 5 MB）',
      },
    ],
    timeLimitDays: 3,
    legalTimeLimitDays: 30,
    fee: '住宅 80 元/件',
    legalBasis: ['《中华人民共和国民法典》第四百零二条', '《不动产登记暂行条例》'],
    visitsNeeded: 1,
    onlineAvailable: true,
    crossProvince: false,
    updatedAt: UPDATED,
  },
  {
    code: 'HY-JH',
    name: '结婚登记',
    department: '民政',
    summary: '男女双方自愿结婚的，应共同到婚姻登记机关申请结婚登记。',
    keywords: ['结婚', '婚姻', '领证'],
    conditions: ['男方年满 22 周岁、女方年满 20 周岁', '双方均无配偶', '双方本人亲自到场'],
    materials: [m.idCard, m.household],
    timeLimitDays: 0,
    legalTimeLimitDays: 0,
    fee: '不收费',
    legalBasis: ['《中华人民共和国民法典》第一千零四十九条', '《婚姻登记条例》'],
    visitsNeeded: 1,
    onlineAvailable: false,
    crossProvince: true,
    updatedAt: UPDATED,
  },
  {
    code: 'SB-CB',
    name: '社会保险参保登记',
    department: '人社',
    summary: '用人单位职工或灵活就业人员办理社会保险参保登记。',
    keywords: ['社保', '参保', '养老保险', '医疗保险'],
    conditions: ['在本市就业或灵活就业'],
    materials: [m.idCard],
    timeLimitDays: 1,
    legalTimeLimitDays: 15,
    fee: '不收费',
    legalBasis: ['《中华人民共和国社会保险法》第五十七条、第五十八条'],
    visitsNeeded: 0,
    onlineAvailable: true,
    crossProvince: false,
    updatedAt: UPDATED,
  },
];

export function findGuide(code: string): ServiceGuide | undefined {
  return GUIDES.find((guide) => guide.code === code);
}

/** Chinese keyword search: every whitespace-separated term must occur in the name, keywords, department or summary. */
export function searchGuides(q: string | undefined): ServiceGuide[] {
  const terms = (q ?? '').trim().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...GUIDES];
  return GUIDES.filter((guide) => {
    const text = [guide.name, guide.department, guide.summary, ...guide.keywords].join(' ');
    return terms.every((term) => text.includes(term));
  });
}
