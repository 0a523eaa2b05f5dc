import { COMPOUND_SURNAMES, maskIdNumber, maskMobile, maskName, surnameOf } from './masking';

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 characters', () => {
    expect(maskIdNumber('11010119900307123X')).toBe('110***********123X');
    expect(maskIdNumber('440106199003071234')).toBe('440***********1234');
  });
  it('masks short values entirely', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
  });
});

describe('maskName', () => {
  it('keeps a one-character surname', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王**');
  });
  it('keeps a compound surname', () => {
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('司马光')).toBe('司马*');
    expect(maskName('诸葛亮')).toBe('诸葛*');
  });
  it('treats a two-character name with a compound-looking start as surname + given name', () => {
    expect(maskName('欧阳')).toBe('欧*');
  });
  it('leaves a single character alone', () => {
    expect(maskName('张')).toBe('张');
    expect(maskName('')).toBe('');
  });
  it('knows the common compound surnames', () => {
    expect(COMPOUND_SURNAMES).toEqual(expect.arrayContaining(['欧阳', '司马', '上官', '诸葛']));
    expect(surnameOf('上官婉儿')).toBe('上官');
    expect(surnameOf('李上官')).toBe('李');
  });
});

describe('maskMobile', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
    expect(maskMobile(' 13900000001 ')).toBe('139****0001');
  });
});
