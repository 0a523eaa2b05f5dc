// Kinship between two people as the household registry can establish it. SIMPLIFICATION: within
// one household, relations are derived from each member's relation to the head (户主), taking the
// head's spouse as the parent of the head's children; across households only marriage is known
// (from the marriage register, which the registry reads). Anything else is "no record".
import type { Relation } from '../../seed/types';

/** What the relative is to the applicant. */
export type Kinship = 'SPOUSE' | 'PARENT' | 'CHILD' | 'NONE';

const CHILD_OF_HEAD: readonly Relation[] = ['子', '女'];
const PARENT_OF_HEAD: readonly Relation[] = ['父亲', '母亲'];

/** `applicant` and `relative` are each one's relation to the same household's head. */
export function kinshipInHousehold(applicant: Relation, relative: Relation): Kinship {
  const pair = (a: readonly Relation[] | Relation, b: readonly Relation[] | Relation) =>
    (typeof a === 'string' ? [a] : a).includes(applicant) && (typeof b === 'string' ? [b] : b).includes(relative);
  if (pair('户主', '配偶') || pair('配偶', '户主')) return 'SPOUSE';
  if (pair('父亲', '母亲') || pair('母亲', '父亲')) return 'SPOUSE';
  if (pair('户主', CHILD_OF_HEAD) || pair('配偶', CHILD_OF_HEAD)) return 'CHILD';
  if (pair(CHILD_OF_HEAD, '户主') || pair(CHILD_OF_HEAD, '配偶')) return 'PARENT';
  if (pair('户主', PARENT_OF_HEAD)) return 'PARENT';
  if (pair(PARENT_OF_HEAD, '户主')) return 'CHILD';
  return 'NONE';
}
