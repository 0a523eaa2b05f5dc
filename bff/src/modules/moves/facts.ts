// Everything the move rules and the material fetch need about one applicant, read from the
// registries for one request: the household record, titles, kinship with the person joined,
// licences, social insurance. Each registry is asked at most once per request.
import { AppError } from '../../core/errors';
import type { CatalogueClient } from '../../platform/catalogue';
import type { CasesClient, Place } from '../../platform/cases';
import type { HouseholdClient, HouseholdRecord, InsuranceRecord, Kinship } from '../../platform/household';
import type { Licence, LicenceClient } from '../../platform/licence';
import type { RealEstateClient, Title } from '../../platform/realestate';
import { chinaDay } from '../../rules/working-days';
import {
  DESTINATION_CITIES,
  decide,
  type Decision,
  type MoveCategory,
  type MoveFacts,
} from '../../rules/move-categories';

export interface MovePlatform {
  household: HouseholdClient;
  realEstate: RealEstateClient;
  licences: LicenceClient;
  cases: CasesClient;
  catalogue: CatalogueClient;
}

export interface MoveInput {
  titleId?: string;
  relative?: { name: string; idNumber: string };
  destinationCity?: string;
}

const DEGREE_RANK: Record<string, number> = { 专科: 1, 本科: 2, 硕士: 3, 博士: 4 };

/** One applicant's registry answers, fetched lazily and kept for the request. */
export class ApplicantContext {
  private memo = new Map<string, Promise<unknown>>();

  constructor(
    private readonly platform: MovePlatform,
    readonly idNumber: string,
    readonly input: MoveInput,
    readonly now = new Date(),
  ) {}

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) this.memo.set(key, load());
    return this.memo.get(key) as Promise<T>;
  }

  async record(): Promise<HouseholdRecord> {
    const record = await this.once('record', () => this.platform.household.recordOf(this.idNumber));
    if (!record) throw new AppError(422, 'NOT_IN_REGISTRY', '户籍系统中未查到您的户籍信息，请到户籍窗口咨询');
    return record;
  }

  titles(): Promise<Title[]> {
    return this.once('titles', () => this.platform.realEstate.titlesOf(this.idNumber));
  }

  licences(): Promise<Licence[]> {
    return this.once('licences', () => this.platform.licences.licencesOf(this.idNumber));
  }

  kinship(): Promise<Kinship | null> {
    const relative = this.input.relative;
    if (!relative) return Promise.resolve(null);
    return this.once('kinship', () => this.platform.household.kinship(this.idNumber, relative));
  }

  insurance(): Promise<InsuranceRecord | null> {
    return this.once('insurance', () => this.platform.household.insuranceOf(this.idNumber));
  }

  /** Titles the applicant may use (only the chosen one when a title was chosen). */
  async candidateTitles(): Promise<Title[]> {
    const titles = await this.titles();
    return this.input.titleId ? titles.filter((t) => t.titleId === this.input.titleId) : titles;
  }

  shareOf(title: Title): string | null {
    return title.obligees.find((o) => o.idNumber === this.idNumber)?.share ?? null;
  }

  async licenceOf(type: Licence['type'], match?: (l: Licence) => boolean): Promise<Licence | null> {
    const all = (await this.licences()).filter(
      (l) => l.type === type && l.effectiveStatus === 'VALID' && (!match || match(l)),
    );
    if (type === 'GRADUATION')
      all.sort((a, b) => (DEGREE_RANK[b.data.degree ?? ''] ?? 0) - (DEGREE_RANK[a.data.degree ?? ''] ?? 0));
    return all[0] ?? null;
  }

  marriageLicence(): Promise<Licence | null> {
    const spouse = this.input.relative?.idNumber;
    return this.licenceOf('MARRIAGE', (l) => !spouse || l.data.spouseIdNumber === spouse);
  }

  /** The facts the category's rule reads. */
  async facts(category: MoveCategory): Promise<MoveFacts> {
    const record = await this.record();
    const facts: MoveFacts = {
      today: chinaDay(this.now),
      applicant: {
        birthDate: record.person.birthDate,
        sex: record.person.sex,
        status: record.person.status,
        city: record.household.city,
        address: record.household.address,
      },
      destinationCity: this.input.destinationCity,
    };
    if (category === 'PROPERTY') {
      facts.titles = (await this.candidateTitles()).map((t) => ({
        titleId: t.titleId,
        city: t.city ?? '',
        location: t.location,
        status: t.status,
        share: this.shareOf(t),
        coOwnership: t.coOwnership,
      }));
    }
    if (category === 'SPOUSE' || category === 'ELDERLY_PARENT' || category === 'CHILD') {
      const k = await this.kinship();
      facts.kinship = k && {
        nameMatches: k.nameMatches,
        relation: k.relation,
        sameHousehold: Boolean(k.sameHousehold),
        relativeStatus: k.relative?.status ?? null,
        relativeCity: k.relative?.household.city ?? null,
      };
      if (category === 'SPOUSE') facts.marriageValid = Boolean(await this.marriageLicence());
    }
    if (category === 'TALENT') {
      const g = await this.licenceOf('GRADUATION');
      facts.graduation = g
        ? { valid: true, degree: g.data.degree ?? null, graduatedOn: g.data.graduatedOn ?? g.issuedAt }
        : null;
    }
    if (category === 'EMPLOYMENT') facts.insurance = await this.insurance();
    return facts;
  }

  async decide(category: MoveCategory): Promise<Decision> {
    return decide(category, await this.facts(category));
  }

  async origin(): Promise<Place> {
    const r = await this.record();
    return {
      city: r.household.city,
      divisionCode: r.household.divisionCode,
      address: r.household.address,
      policeStation: r.household.policeStation,
      householdNumber: r.household.householdNumber,
    };
  }

  /** Where the applicant moves to, once the decision has picked a title or relative. */
  async destination(category: MoveCategory, decision: Decision): Promise<Place | null> {
    if (category === 'PROPERTY') {
      const title = (await this.titles()).find((t) => t.titleId === decision.titleId);
      if (!title) return null;
      const district = /(?:市|省)([^市省]+?(?:区|县))/.exec(title.location)?.[1] ?? '';
      const city = title.city ?? /([^省]+?市)/.exec(title.location)?.[1] ?? '';
      return {
        city,
        divisionCode: title.unitNumber.slice(0, 6),
        address: title.location,
        policeStation: `${city}公安局${district.replace(/区$|县$/, '')}分局（房屋所在地派出所）`,
        householdNumber: null,
      };
    }
    if (category === 'TALENT' || category === 'EMPLOYMENT') {
      const city = this.input.destinationCity ?? '';
      const d = DESTINATION_CITIES[city];
      return d
        ? {
            city,
            divisionCode: d.divisionCode,
            address: d.collectiveAddress,
            policeStation: d.policeStation,
            householdNumber: null,
          }
        : null;
    }
    const h = (await this.kinship())?.relative?.household;
    return h
      ? {
          city: h.city,
          divisionCode: h.divisionCode,
          address: h.address,
          policeStation: h.policeStation,
          householdNumber: h.householdNumber,
        }
      : null;
  }
}
