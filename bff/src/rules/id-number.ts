// Resident identity number rules (居民身份证号码, GB 11643-1999).
// 18 characters: 6-digit division code (GB/T 2260) + birth date YYYYMMDD + 3-digit sequence
// (odd = male, even = female) + 1 check character (ISO 7064 MOD 11-2).
// A valid number proves nothing about the person: identity must still be matched by the
// platform's identity service. Kept in one place so every caller applies the same rule.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** Earliest birth date accepted; older dates are almost certainly typing mistakes. */
const EARLIEST_BIRTH_DATE = '1900-01-01';

export type IdNumberErrorCode = 'ID_NUMBER_LENGTH' | 'ID_NUMBER_FORMAT' | 'ID_NUMBER_BIRTHDATE' | 'ID_NUMBER_CHECKSUM';

export type Sex = 'M' | 'F';

export interface ValidIdNumber {
  ok: true;
  /** Normalised: trimmed, check character upper-case. */
  value: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  divisionCode: string;
}

export interface InvalidIdNumber {
  ok: false;
  code: IdNumberErrorCode;
  message: string;
}

export type IdNumberResult = ValidIdNumber | InvalidIdNumber;

/** The check character for the first 17 digits of an ID number. */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new TypeError('checkCharacter needs exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** Whether YYYYMMDD is a real calendar date (leap years included). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Today's date in China (Asia/Shanghai is UTC+8 all year, no daylight saving). */
function todayInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function fail(code: IdNumberErrorCode, message: string): InvalidIdNumber {
  return { ok: false, code, message };
}

/**
 * Validates an ID number as typed by a person: surrounding spaces are ignored and a
 * lower-case x is accepted; the value returned is normalised (upper-case X).
 * `now` decides which birth dates lie in the future (defaults to the current time).
 */
export function validateIdNumber(raw: unknown, now: Date = new Date()): IdNumberResult {
  if (typeof raw !== 'string') return fail('ID_NUMBER_FORMAT', '请输入身份证号');
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) {
    return fail('ID_NUMBER_LENGTH', `身份证号应为 18 位，当前为 ${value.length} 位`);
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return fail('ID_NUMBER_FORMAT', '身份证号前 17 位应为数字，第 18 位为数字或 X');
  }
  if (!/^[1-9]\d{5}$/.test(value.slice(0, 6))) {
    return fail('ID_NUMBER_FORMAT', '身份证号前 6 位地区代码不正确，请核对');
  }
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isCalendarDate(year, month, day) || birthDate < EARLIEST_BIRTH_DATE || birthDate > todayInChina(now)) {
    return fail('ID_NUMBER_BIRTHDATE', '身份证号中的出生日期不正确，请核对');
  }
  if (checkCharacter(value.slice(0, 17)) !== value[17]) {
    return fail('ID_NUMBER_CHECKSUM', '身份证号第 18 位校验不正确，请核对');
  }
  return {
    ok: true,
    value,
    birthDate,
    sex: Number(value[16]) % 2 === 1 ? 'M' : 'F',
    divisionCode: value.slice(0, 6),
  };
}

/** Convenience for zod refinements and guards. */
export function isValidIdNumber(raw: unknown, now?: Date): boolean {
  return validateIdNumber(raw, now).ok;
}

/**
 * Builds a valid ID number, for seed data and tests.
 * @param division 6-digit GB/T 2260 code
 * @param birthDate 'YYYY-MM-DD'
 * @param sequence 0..999; its parity is the sex (odd = male, even = female)
 */
export function makeIdNumber(division: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(division)) throw new TypeError('division must be 6 digits');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new TypeError('birthDate must be YYYY-MM-DD');
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new TypeError('sequence must be an integer 0..999');
  }
  const first17 = `${division}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** Sequence number with the parity of the given sex, derived from any integer. */
export function sequenceForSex(base: number, sex: Sex): number {
  const n = Math.abs(Math.trunc(base)) % 500;
  return sex === 'M' ? n * 2 + 1 : n * 2;
}
