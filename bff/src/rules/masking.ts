// Masking of personal data for screens and logs (see the domain brief):
// ID number: first 3 and last 4 visible; name: surname visible; mobile: first 3 and last 4.

/**
 * Two-character surnames (复姓) that keep both characters visible. The common ones only;
 * a name starting with any of these is treated as a compound surname. Kept here, in one place.
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '闻人',
  '澹台',
  '太史',
  '端木',
  '申屠',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '独孤',
  '万俟',
  '赫连',
  '司空',
  '濮阳',
];

const COMPOUND_SURNAME_SET = new Set(COMPOUND_SURNAMES);

/** The surname of a Chinese name: two characters for a known compound surname, else one. */
export function surnameOf(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length >= 3 && COMPOUND_SURNAME_SET.has(chars[0] + chars[1])) return chars[0] + chars[1];
  return chars[0] ?? '';
}

/** '11010119900307123X' -> '110***********123X' (first 3, last 4). */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim();
  if (value.length <= 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** '张三' -> '张*', '欧阳娜娜' -> '欧阳**'. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  const surname = surnameOf(name);
  return surname + '*'.repeat(chars.length - Array.from(surname).length);
}

/** '13812341234' -> '138****1234'. */
export function maskMobile(mobile: string): string {
  const value = mobile.trim();
  if (value.length <= 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}
