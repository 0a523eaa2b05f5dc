// Mainland mobile numbers: 11 digits starting with 1 (second digit 3-9).
export function normaliseMobile(raw: string): string {
  return raw.replace(/[\s-]+/g, '');
}

export function isMobile(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(normaliseMobile(raw));
}
