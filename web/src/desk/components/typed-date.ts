// Dates as desk officers type them: 2026-03-01, 1/3/2026, 1.3.2026 — and, in Thai and Lao, Buddhist-era years
// (1/3/2569, 2569-03-01), as the calendar on the wall has them — in any of the region's digits. Pure functions,
// shared by the date input and its test.

/** Languages whose users write Buddhist-era years (BE = CE + 543). */
const buddhistEraLanguages = new Set(['th', 'lo']);
const buddhistEraOffset = 543;

// Thai, Lao, Khmer and Burmese digits, read as 0–9.
const digitZeros = [0x0e50, 0x0ed0, 0x17e0, 0x1040];
const asciiDigits = (text: string) =>
  text.replace(/[\u0e50-\u0e59\u0ed0-\u0ed9\u17e0-\u17e9\u1040-\u1049]/g, (digit) => {
    const code = digit.codePointAt(0)!;
    const zero = digitZeros.find((z) => code >= z && code <= z + 9)!;
    return String(code - zero);
  });

const isoOf = (year: number, month: number, day: number): string | null => {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null; // 31 April, 29 February 2026
  return date.toISOString().slice(0, 10);
};

/**
 * A typed date as YYYY-MM-DD (Gregorian), or null when it is not one. Day comes before month. In Thai and Lao a
 * year after 2400 is Buddhist-era; elsewhere such a year is refused rather than guessed.
 */
export function parseTypedDate(typed: string, language: string): string | null {
  const text = asciiDigits(typed.trim()).replace(/\s+/g, '').replace(/(พ\.ศ\.|ພ\.ສ\.|ค\.ศ\.)/g, '');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!iso && !dmy) return null;
  let [year, month, day] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [Number(dmy![3]), Number(dmy![2]), Number(dmy![1])];
  if (year > 2400 && buddhistEraLanguages.has(language)) year -= buddhistEraOffset;
  return isoOf(year, month, day);
}

/** A YYYY-MM-DD date as the user reads and types it: day/month/year, with a Buddhist-era year in Thai and Lao. */
export function formatTypedDate(iso: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const year = Number(match[1]) + (buddhistEraLanguages.has(language) ? buddhistEraOffset : 0);
  return `${Number(match[3])}/${Number(match[2])}/${year}`;
}
