import { describe, expect, it } from 'vitest';
import { formatTypedDate, parseTypedDate } from '../../web/src/desk/components/typed-date';

describe('dates typed in the desk', () => {
  it('reads Buddhist-era years typed by Thai (and Lao) users as Gregorian dates', () => {
    expect(parseTypedDate('2569-03-01', 'th')).toBe('2026-03-01');
    expect(parseTypedDate('1/3/2569', 'th')).toBe('2026-03-01');
    expect(parseTypedDate('๑/๓/๒๕๖๙', 'th')).toBe('2026-03-01');
    expect(parseTypedDate('1/3/2569 พ.ศ.', 'th')).toBe('2026-03-01');
    expect(parseTypedDate('31.12.2568', 'lo')).toBe('2025-12-31');
    // A Gregorian year typed in Thai stays Gregorian.
    expect(parseTypedDate('1/3/2026', 'th')).toBe('2026-03-01');
  });

  it('reads day before month, in any of the region digits, and refuses what is not a date', () => {
    expect(parseTypedDate('1/3/2026', 'en')).toBe('2026-03-01');
    expect(parseTypedDate('၁/၃/၂၀၂၆', 'my')).toBe('2026-03-01');
    expect(parseTypedDate('2026-3-1', 'vi')).toBe('2026-03-01');
    expect(parseTypedDate('31/4/2026', 'en')).toBeNull();
    expect(parseTypedDate('29/2/2026', 'en')).toBeNull();
    expect(parseTypedDate('29/2/2567', 'th')).toBe('2024-02-29');
    expect(parseTypedDate('1/3/2569', 'en')).toBeNull(); // not guessed outside Thai and Lao
    expect(parseTypedDate('March 1', 'en')).toBeNull();
  });

  it('shows a date back as the user writes it', () => {
    expect(formatTypedDate('2026-03-01', 'th')).toBe('1/3/2569');
    expect(formatTypedDate('2026-03-01', 'vi')).toBe('1/3/2026');
    for (const language of ['th', 'lo', 'en', 'km']) expect(parseTypedDate(formatTypedDate('2025-12-31', language), language)).toBe('2025-12-31');
  });
});
