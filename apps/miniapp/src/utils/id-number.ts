// Resident identity number check (GB 11643-1999), for inline hints while the resident types.
// A copy of the BFF's rule (bff/src/rules/id-number.ts): the app cannot import BFF code, and the
// BFF checks again anyway; keep the two in step. A valid checksum proves nothing about the person.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;
const EARLIEST_BIRTH_DATE = '1900-01-01';

export type IdNumberProblem = 'LENGTH' | 'FORMAT' | 'DIVISION' | 'BIRTHDATE' | 'CHECKSUM';

export type IdNumberCheck = { ok: true; value: string } | { ok: false; problem: IdNumberProblem; message: string };

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** Upper-cases x and drops spaces, as people type them ("1101 0519..." or a lower-case x). */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function todayInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function problem(kind: IdNumberProblem, message: string): IdNumberCheck {
  return { ok: false, problem: kind, message };
}

/** The full check, for a finished entry (on blur, on submit). */
export function checkIdNumber(raw: string, now: Date = new Date()): IdNumberCheck {
  const value = normaliseIdNumber(raw);
  if (!value) return problem('LENGTH', '请输入身份证号');
  const early = checkIdNumberWhileTyping(value);
  if (early) return early;
  if (value.length !== 18) return problem('LENGTH', `身份证号应为 18 位，当前为 ${value.length} 位`);
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (
    !isCalendarDate(Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14))) ||
    birthDate < EARLIEST_BIRTH_DATE ||
    birthDate > todayInChina(now)
  ) {
    return problem('BIRTHDATE', '身份证号中的出生日期不正确，请核对');
  }
  if (checkCharacter(value.slice(0, 17)) !== value[17]) {
    return problem('CHECKSUM', '身份证号第 18 位校验不正确，请核对');
  }
  return { ok: true, value };
}

/**
 * Problems worth saying while the number is still being typed: wrong characters and too many
 * characters. Length and checksum wait until the resident has finished (no nagging mid-entry).
 */
export function checkIdNumberWhileTyping(raw: string): IdNumberCheck | null {
  const value = normaliseIdNumber(raw);
  if (value.length > 18) return problem('LENGTH', `身份证号应为 18 位，当前为 ${value.length} 位`);
  const badAt = [...value].findIndex((ch, i) => !(/\d/.test(ch) || (i === 17 && ch === 'X')));
  if (badAt >= 0) {
    return problem(
      'FORMAT',
      badAt === 17 ? '身份证号第 18 位应为数字或 X' : `身份证号第 ${badAt + 1} 位应为数字，前 17 位都是数字`,
    );
  }
  if (value.length >= 1 && value[0] === '0') return problem('DIVISION', '身份证号前 6 位地区代码不正确，请核对');
  return null;
}
