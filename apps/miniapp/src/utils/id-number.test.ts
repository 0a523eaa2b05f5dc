import { checkCharacter, checkIdNumber, checkIdNumberWhileTyping, normaliseIdNumber } from './id-number';

// 11010519491231002X is the standard's own example.
const valid = '11010519491231002X';
const now = new Date('2026-11-23T12:00:00+08:00');

describe('ID number checks (GB 11643)', () => {
  it('computes the check character of the standard example', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
  });

  it('accepts a valid number, with a lower-case x and spaces', () => {
    expect(checkIdNumber(valid, now)).toEqual({ ok: true, value: valid });
    expect(checkIdNumber('110105 19491231 002x', now)).toEqual({ ok: true, value: valid });
    expect(normaliseIdNumber(' 11010519491231002x ')).toBe(valid);
  });

  it('names position 18 when the checksum is wrong', () => {
    expect(checkIdNumber('110105194912310021', now)).toMatchObject({
      ok: false,
      problem: 'CHECKSUM',
      message: '身份证号第 18 位校验不正确，请核对',
    });
  });

  it('says how many characters were typed when the length is wrong', () => {
    expect(checkIdNumber('1101051949', now)).toMatchObject({
      problem: 'LENGTH',
      message: '身份证号应为 18 位，当前为 10 位',
    });
    expect(checkIdNumber('', now)).toMatchObject({ problem: 'LENGTH', message: '请输入身份证号' });
  });

  it('rejects impossible and future birth dates', () => {
    expect(checkIdNumber('110105194902301234', now)).toMatchObject({ problem: 'BIRTHDATE' });
    expect(checkIdNumber('110105203001011234', now)).toMatchObject({ problem: 'BIRTHDATE' });
  });

  it('points at the wrong character while typing, and stays quiet about unfinished numbers', () => {
    expect(checkIdNumberWhileTyping('11010A')).toMatchObject({
      problem: 'FORMAT',
      message: '身份证号第 6 位应为数字，前 17 位都是数字',
    });
    expect(checkIdNumberWhileTyping('11010519491231002Y')).toMatchObject({ message: '身份证号第 18 位应为数字或 X' });
    expect(checkIdNumberWhileTyping('0101')).toMatchObject({ problem: 'DIVISION' });
    expect(checkIdNumberWhileTyping('1101051949')).toBeNull();
  });
});
