import { checkCharacter, isValidIdNumber, makeIdNumber, sequenceForSex, validateIdNumber } from './id-number';

describe('checkCharacter', () => {
  it('computes the GB 11643 check character for known numbers', () => {
    // The worked example of GB 11643-1999 and well-known sample numbers.
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
    // Sum of weighted digits 174, 174 mod 11 = 9 -> '3' (the masking example '…123X' is illustrative only).
    expect(checkCharacter('11010119900307123')).toBe('3');
  });

  it('refuses input that is not 17 digits', () => {
    expect(() => checkCharacter('1234')).toThrow(TypeError);
    expect(() => checkCharacter('1101051949123100X')).toThrow(TypeError);
  });
});

describe('validateIdNumber', () => {
  const now = new Date('2026-01-15T00:00:00+08:00');

  it('accepts a valid number and reads birth date, sex and division', () => {
    const result = validateIdNumber('11010519491231002X', now);
    expect(result).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'F',
      divisionCode: '110105',
    });
  });

  it('accepts a lower-case x and surrounding spaces, normalising to upper case', () => {
    const result = validateIdNumber(' 11010519491231002x ', now);
    expect(result.ok && result.value).toBe('11010519491231002X');
  });

  it('reads an odd sequence as male', () => {
    const id = makeIdNumber('440106', '1990-03-07', 123);
    const result = validateIdNumber(id, now);
    expect(result.ok && result.sex).toBe('M');
  });

  it.each([
    ['', 'ID_NUMBER_LENGTH'],
    ['1101051949123100', 'ID_NUMBER_LENGTH'],
    ['11010519491231002XX', 'ID_NUMBER_LENGTH'],
    ['1101051949123100AX', 'ID_NUMBER_FORMAT'],
    ['X1010519491231002X', 'ID_NUMBER_FORMAT'],
    ['01010519491231002X', 'ID_NUMBER_FORMAT'],
    ['110105194902300021', 'ID_NUMBER_BIRTHDATE'],
    ['110105194913310021', 'ID_NUMBER_BIRTHDATE'],
    ['110105180001010021', 'ID_NUMBER_BIRTHDATE'],
    ['110105194912310021', 'ID_NUMBER_CHECKSUM'],
  ])('rejects %j with %s', (input, code) => {
    const result = validateIdNumber(input, now);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('rejects a birth date after today', () => {
    const future = makeIdNumber('440106', '2026-01-16', 2);
    expect(validateIdNumber(future, now)).toMatchObject({ ok: false, code: 'ID_NUMBER_BIRTHDATE' });
    expect(validateIdNumber(makeIdNumber('440106', '2026-01-15', 2), now).ok).toBe(true);
  });

  it('accepts 29 February only in leap years', () => {
    expect(validateIdNumber(makeIdNumber('440106', '2000-02-29', 2), now).ok).toBe(true);
    const first17 = '44010619000229002';
    expect(validateIdNumber(first17 + checkCharacter(first17), now)).toMatchObject({
      ok: false,
      code: 'ID_NUMBER_BIRTHDATE',
    });
  });

  it('names the check character in the checksum message', () => {
    const result = validateIdNumber('110105194912310021', now);
    expect(result.ok === false && result.message).toBe('身份证号第 18 位校验不正确，请核对');
  });

  it('rejects non-strings', () => {
    expect(validateIdNumber(undefined).ok).toBe(false);
    expect(validateIdNumber(110105).ok).toBe(false);
    expect(isValidIdNumber(null)).toBe(false);
  });
});

describe('makeIdNumber', () => {
  it('builds numbers that validate and round-trip their parts', () => {
    for (let seq = 0; seq < 1000; seq += 37) {
      const id = makeIdNumber('500103', '1985-11-30', seq);
      const result = validateIdNumber(id);
      expect(result).toMatchObject({
        ok: true,
        birthDate: '1985-11-30',
        divisionCode: '500103',
        sex: seq % 2 ? 'M' : 'F',
      });
    }
  });

  it('refuses bad parts', () => {
    expect(() => makeIdNumber('5001', '1985-11-30', 1)).toThrow(TypeError);
    expect(() => makeIdNumber('500103', '19851130', 1)).toThrow(TypeError);
    expect(() => makeIdNumber('500103', '1985-11-30', 1000)).toThrow(TypeError);
  });

  it('sequenceForSex gives the parity of the sex', () => {
    for (const base of [0, 1, 498, 499, 500, 12345]) {
      expect(sequenceForSex(base, 'M') % 2).toBe(1);
      expect(sequenceForSex(base, 'F') % 2).toBe(0);
      expect(sequenceForSex(base, 'M')).toBeLessThanOrEqual(999);
    }
  });
});
