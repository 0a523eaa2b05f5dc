// Eligibility rules of the six move-in categories (落户类别). Each city sets its own thresholds:
// they are all in MOVE_POLICY, and each rule is a pure function of facts the registries gave
// us, so a city changes this file only. Every check names its condition in plain Chinese.
// SIMPLIFICATIONS: one policy for every destination city; kinship the registry cannot confirm
// is not a refusal but asks for a relation proof to be uploaded (as windows do).

export type MoveCategory = 'PROPERTY' | 'SPOUSE' | 'ELDERLY_PARENT' | 'CHILD' | 'TALENT' | 'EMPLOYMENT';

export const CATEGORY_ITEMS: Readonly<Record<MoveCategory, { itemCode: string; name: string }>> = {
  PROPERTY: { itemCode: 'HJ-QR-GF', name: '购房落户' },
  SPOUSE: { itemCode: 'HJ-QR-FQ', name: '夫妻投靠' },
  ELDERLY_PARENT: { itemCode: 'HJ-QR-FM', name: '父母投靠子女' },
  CHILD: { itemCode: 'HJ-QR-ZN', name: '子女投靠父母' },
  TALENT: { itemCode: 'HJ-QR-RC', name: '人才/毕业生落户' },
  EMPLOYMENT: { itemCode: 'HJ-QR-JY', name: '就业落户' },
};

export const MOVE_POLICY = {
  property: { minSharePercent: 50, blockedStatuses: ['SEALED', 'OBJECTION'] as readonly string[] },
  elderlyParent: { minAgeMale: 60, minAgeFemale: 55 },
  child: { maxAgeExclusive: 18 },
  talent: {
    degrees: ['本科', '硕士', '博士'] as readonly string[],
    maxAgeByDegree: { 本科: 35, 硕士: 40, 博士: 45 } as Readonly<Record<string, number>>,
    maxYearsSinceGraduation: 5,
  },
  employment: { minContinuousMonths: 24, maxAge: 50 },
};

/** Cities a resident can apply to move into, with the collective household (集体户) that takes in
 * talent and employment moves without a home of their own. */
export const DESTINATION_CITIES: Readonly<
  Record<string, { divisionCode: string; collectiveAddress: string; policeStation: string }>
> = {
  广州市: {
    divisionCode: '440106',
    collectiveAddress: '广东省广州市天河区天河路 1 号 广州市人才服务中心集体户',
    policeStation: '广州市公安局天河分局天河南派出所',
  },
  深圳市: {
    divisionCode: '440304',
    collectiveAddress: '广东省深圳市福田区福华路 1 号 深圳市人才服务中心集体户',
    policeStation: '深圳市公安局福田分局福华派出所',
  },
  成都市: {
    divisionCode: '510107',
    collectiveAddress: '四川省成都市武侯区科华北路 1 号 成都市人才服务中心集体户',
    policeStation: '成都市公安局武侯区分局科华派出所',
  },
  重庆市: {
    divisionCode: '500112',
    collectiveAddress: '重庆市渝北区新牌坊一路 1 号 重庆市人才服务中心集体户',
    policeStation: '重庆市公安局渝北区分局新牌坊派出所',
  },
  北京市: {
    divisionCode: '110105',
    collectiveAddress: '北京市朝阳区望京街 1 号 北京市人才服务中心集体户',
    policeStation: '北京市公安局朝阳分局望京派出所',
  },
};

export interface Check {
  key: string;
  passed: boolean;
  /** The condition in plain words when passed, what fails and why when not. */
  message: string;
}

export interface ApplicantFacts {
  birthDate: string;
  sex: 'M' | 'F' | string;
  status: string;
  city: string;
  address: string;
}

export interface TitleFacts {
  titleId: string;
  city: string;
  location: string;
  status: string;
  /** The applicant's share, e.g. "50%", or null for sole or common ownership. */
  share: string | null;
  coOwnership: string;
}

export interface KinshipFacts {
  nameMatches: boolean;
  relation: 'SPOUSE' | 'PARENT' | 'CHILD' | 'NONE';
  sameHousehold: boolean;
  relativeStatus: string | null;
  relativeCity: string | null;
}

export interface MoveFacts {
  today: string;
  applicant: ApplicantFacts;
  titles?: TitleFacts[];
  kinship?: KinshipFacts | null;
  marriageValid?: boolean;
  graduation?: { valid: boolean; degree: string | null; graduatedOn: string | null } | null;
  insurance?: { city: string | null; continuousMonths: number; status: string } | null;
  destinationCity?: string;
}

export interface Decision {
  eligible: boolean;
  checks: Check[];
  /** Materials the registry cannot supply for this person and that must be uploaded. */
  extraUploads: string[];
  /** The title the property move would use. */
  titleId?: string;
}

export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const check = (key: string, passed: boolean, ok: string, fail: string): Check => ({
  key,
  passed,
  message: passed ? ok : fail,
});

function sharePercent(share: string | null, coOwnership: string): number {
  if (share) {
    const n = Number.parseFloat(share);
    return Number.isFinite(n) ? n : 0;
  }
  // 单独所有 and 共同共有 give each obligee the whole right.
  return coOwnership === '按份共有' ? 0 : 100;
}

function relativeChecks(
  f: MoveFacts,
  want: KinshipFacts['relation'],
  who: string,
  proofAllowed: boolean,
): { checks: Check[]; extraUploads: string[] } {
  const k = f.kinship;
  const checks: Check[] = [];
  const extraUploads: string[] = [];
  checks.push(
    check(
      'RELATIVE_IDENTITY',
      Boolean(k?.nameMatches),
      `被投靠人（${who}）身份信息核对一致`,
      `被投靠人（${who}）的姓名与身份证号不一致，或户籍系统中没有此人，请核对`,
    ),
  );
  if (!k?.nameMatches) return { checks, extraUploads };
  checks.push(
    check(
      'RELATIVE_ACTIVE',
      k.relativeStatus === 'ACTIVE',
      '被投靠人户籍正常',
      '被投靠人的户籍不在正常状态（可能已注销），不能投靠',
    ),
  );
  if (k.relation === want) checks.push(check('RELATION', true, `户籍系统已确认您与被投靠人的${who}关系`, ''));
  else if (proofAllowed && k.relation === 'NONE') {
    checks.push(check('RELATION', true, `户籍系统中没有您与被投靠人的${who}关系记录，需上传亲属关系证明`, ''));
    extraUploads.push('RELATION_PROOF');
  } else checks.push(check('RELATION', false, '', `户籍和婚姻登记中未查到您与被投靠人的${who}关系`));
  checks.push(
    check('NOT_SAME_HOUSEHOLD', !k.sameHousehold, '您与被投靠人不在同一户内', '您已与被投靠人在同一户内，无需迁移'),
  );
  return { checks, extraUploads };
}

/** The decision for one category. `applicant.status` must be ACTIVE for any move. */
export function decide(category: MoveCategory, f: MoveFacts): Decision {
  const checks: Check[] = [
    check(
      'APPLICANT_ACTIVE',
      f.applicant.status === 'ACTIVE',
      '您的户籍状态正常',
      '您的户籍已注销或不在正常状态，不能办理迁入，请到户籍窗口咨询',
    ),
  ];
  let extraUploads: string[] = [];
  let titleId: string | undefined;
  const age = ageOn(f.applicant.birthDate, f.today);

  switch (category) {
    case 'PROPERTY': {
      const titles = f.titles ?? [];
      checks.push(
        check(
          'HOLDS_TITLE',
          titles.length > 0,
          '您名下有住房不动产权证书',
          '不动产登记中未查到您名下的住房，购房落户需要您是住房的权利人',
        ),
      );
      if (titles.length === 0) break;
      // The best candidate: one that passes the most checks (a resident may hold several).
      const score = (t: TitleFacts) =>
        Number(!MOVE_POLICY.property.blockedStatuses.includes(t.status)) +
        Number(sharePercent(t.share, t.coOwnership) >= MOVE_POLICY.property.minSharePercent) +
        Number(!sameAddress(f.applicant.address, t.location));
      const t = [...titles].sort((a, b) => score(b) - score(a))[0];
      titleId = t.titleId;
      const blocked = t.status === 'SEALED' ? '已被查封' : t.status === 'OBJECTION' ? '有异议登记' : '';
      checks.push(
        check('TITLE_STATUS', !blocked, '住房未被查封，没有异议登记', `该住房${blocked}，暂不能办理购房落户`),
      );
      const share = sharePercent(t.share, t.coOwnership);
      checks.push(
        check(
          'TITLE_SHARE',
          share >= MOVE_POLICY.property.minSharePercent,
          `您在该住房中的份额符合要求（${share}%）`,
          `您在该住房中的份额为 ${share}%，低于本市要求的 ${MOVE_POLICY.property.minSharePercent}%`,
        ),
      );
      const already = sameAddress(f.applicant.address, t.location);
      checks.push(
        check('NOT_ALREADY_THERE', !already, '您的户口目前不在该住房地址', '您的户口已登记在该住房地址，无需迁移'),
      );
      break;
    }
    case 'SPOUSE': {
      const r = relativeChecks(f, 'SPOUSE', '配偶', false);
      checks.push(...r.checks);
      checks.push(
        check(
          'MARRIAGE_VALID',
          Boolean(f.marriageValid),
          '婚姻登记有效',
          '未查到您有效的结婚登记（电子结婚证），请确认已办理结婚登记',
        ),
      );
      break;
    }
    case 'ELDERLY_PARENT': {
      const r = relativeChecks(f, 'CHILD', '子女', true);
      checks.push(...r.checks);
      extraUploads = r.extraUploads;
      const min =
        f.applicant.sex === 'F' ? MOVE_POLICY.elderlyParent.minAgeFemale : MOVE_POLICY.elderlyParent.minAgeMale;
      checks.push(
        check(
          'PARENT_AGE',
          age >= min,
          `您已满 ${min} 周岁`,
          `投靠子女需${f.applicant.sex === 'F' ? '女' : '男'}满 ${min} 周岁，您现在 ${age} 周岁`,
        ),
      );
      break;
    }
    case 'CHILD': {
      const r = relativeChecks(f, 'PARENT', '父母', true);
      checks.push(...r.checks);
      extraUploads = r.extraUploads;
      const max = MOVE_POLICY.child.maxAgeExclusive;
      checks.push(
        check(
          'CHILD_AGE',
          age < max,
          `申请人未满 ${max} 周岁`,
          `子女投靠父母需未满 ${max} 周岁，申请人现在 ${age} 周岁；成年子女可选择其他落户方式`,
        ),
      );
      break;
    }
    case 'TALENT': {
      const g = f.graduation;
      checks.push(
        check('GRADUATION', Boolean(g?.valid), '已查到您有效的毕业证书', '电子证照库中未查到您有效的毕业证书'),
      );
      if (!g?.valid) break;
      const degree = g.degree ?? '';
      checks.push(
        check(
          'DEGREE',
          MOVE_POLICY.talent.degrees.includes(degree),
          `学历为${degree}`,
          `人才落户需本科及以上学历，您的学历为${degree || '未知'}`,
        ),
      );
      const maxAge = MOVE_POLICY.talent.maxAgeByDegree[degree] ?? MOVE_POLICY.talent.maxAgeByDegree['本科'];
      checks.push(
        check(
          'TALENT_AGE',
          age <= maxAge,
          `年龄在 ${maxAge} 周岁以内`,
          `${degree || '本科'}学历人才落户需不超过 ${maxAge} 周岁，您现在 ${age} 周岁`,
        ),
      );
      const years = g.graduatedOn ? ageOn(g.graduatedOn, f.today) : 99;
      const limit = MOVE_POLICY.talent.maxYearsSinceGraduation;
      checks.push(
        check(
          'GRADUATION_RECENT',
          years < limit,
          `毕业不满 ${limit} 年`,
          `人才落户需毕业不满 ${limit} 年，您毕业已 ${years} 年；可考虑就业落户`,
        ),
      );
      checks.push(destinationCheck(f));
      break;
    }
    case 'EMPLOYMENT': {
      const ins = f.insurance;
      const city = f.destinationCity ?? '';
      const months = ins && ins.status === 'ACTIVE' && ins.city === city ? ins.continuousMonths : 0;
      const min = MOVE_POLICY.employment.minContinuousMonths;
      checks.push(destinationCheck(f));
      checks.push(
        check(
          'INSURANCE_MONTHS',
          months >= min,
          `在${city}连续缴纳社会保险 ${months} 个月`,
          ins?.status === 'ACTIVE' && ins.city && ins.city !== city
            ? `您的社会保险在${ins.city}缴纳，不在${city || '迁入城市'}`
            : `需在${city || '迁入城市'}连续缴纳社会保险满 ${min} 个月，您目前为 ${months} 个月`,
        ),
      );
      const maxAge = MOVE_POLICY.employment.maxAge;
      checks.push(
        check(
          'EMPLOYMENT_AGE',
          age <= maxAge,
          `年龄在 ${maxAge} 周岁以内`,
          `就业落户需不超过 ${maxAge} 周岁，您现在 ${age} 周岁`,
        ),
      );
      break;
    }
  }
  return { eligible: checks.every((c) => c.passed), checks, extraUploads, ...(titleId ? { titleId } : {}) };
}

function destinationCheck(f: MoveFacts): Check {
  const city = f.destinationCity ?? '';
  const known = Boolean(DESTINATION_CITIES[city]);
  if (!known) return check('DESTINATION', false, '', '请选择要迁入的城市');
  return check('DESTINATION', f.applicant.city !== city, `迁入${city}`, `您的户口已在${city}，无需办理迁入`);
}

/** Whether a registered address and a title's location are the same place (ignoring 房/室 suffixes). */
export function sameAddress(registered: string, location: string): boolean {
  const norm = (s: string) => s.replace(/\s/g, '').replace(/(房|室)$/, '');
  return norm(location).endsWith(norm(registered)) || norm(registered).endsWith(norm(location));
}
