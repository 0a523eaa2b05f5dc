// The demo people with everything they hold, read from the seeded database.
import type { Models } from '../../models';
import type { PersonaRef, StaffRecord } from '../../seed/types';
import type { SeedMarker } from '../../seed/store';

export async function listPersonas(models: Models) {
  const marker = await models.SeedMarker.findById('population').lean<SeedMarker>();
  if (!marker) return { residents: [], staff: [], guides: [] };
  const { personas } = marker;

  const residents = await Promise.all(
    personas.residents.map(async (ref: PersonaRef) => {
      const person = await models.Resident.findById(ref.id).lean();
      if (!person) return null;
      const [household, titles, licences] = await Promise.all([
        models.Household.findById(person.householdId).lean(),
        models.Title.find({ 'obligees.personId': person._id }).sort({ _id: 1 }).lean(),
        models.Licence.find({ holderId: person._id }).sort({ _id: 1 }).lean(),
      ]);
      const relation = household?.members.find((m) => m.personId === person._id)?.relation ?? null;
      return {
        key: ref.key,
        label: ref.label,
        notes: ref.notes,
        personId: person._id,
        name: person.name,
        idNumber: person.idNumber,
        mobile: person.mobile,
        wechatOpenid: person.wechatOpenid,
        sex: person.sex,
        birthDate: person.birthDate,
        city: person.city,
        status: person.status,
        holds: {
          household: household
            ? {
                householdNumber: household.householdNumber,
                address: household.address,
                relation,
                members: household.members,
              }
            : null,
          titles: titles.map((t) => ({
            certificateNumber: t.certificateNumber,
            unitNumber: t.unitNumber,
            location: t.location,
            status: t.status,
            coOwnership: t.coOwnership,
            share: t.obligees.find((o) => o.personId === person._id)?.share ?? null,
            coOwners: t.obligees.filter((o) => o.personId !== person._id).map((o) => o.name),
          })),
          licences: licences.map((l) => ({
            type: l.type,
            title: l.title,
            licenceNumber: l.licenceNumber,
            trustLevel: l.trustLevel,
            status: l.status,
          })),
        },
      };
    }),
  );

  const staffOf = async (refs: PersonaRef[]) =>
    Promise.all(
      refs.map(async (ref) => {
        const member = await models.Staff.findById(ref.id).lean<StaffRecord>();
        if (!member) return null;
        return {
          key: ref.key,
          label: ref.label,
          notes: ref.notes,
          staffId: member._id,
          name: member.name,
          mobile: member.mobile,
          role: member.role,
          city: member.city,
          hallId: member.hallId,
          windowNo: member.windowNo,
          community: member.community,
        };
      }),
    );

  return {
    residents: residents.filter((r) => r !== null),
    staff: (await staffOf(personas.staff)).filter((s) => s !== null),
    guides: (await staffOf(personas.guides)).filter((s) => s !== null),
  };
}
