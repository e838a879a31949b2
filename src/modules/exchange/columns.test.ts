import { describe, expect, it } from 'vitest';
import { grievanceCodes, grievances } from '../complaints/taxonomy';
import { currencyDigits, formatAmount, parseAmount } from './columns';
import { isicSection, methodsOfControl, traffickingGrievances } from './htcds';
import { guessColumns } from './import-complaints';
import { protectCsvText } from './write-table';

describe('amounts in files', () => {
  it('writes minor units as decimals of the currency and reads them back exactly', () => {
    expect(currencyDigits('MYR')).toBe(2);
    expect(currencyDigits('VND')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
    for (const [minor, currency, text] of [[123450, 'MYR', '1234.50'], [5, 'USD', '0.05'], [1_500_000, 'VND', '1500000'], [1234, 'BHD', '1.234'], [0, 'THB', '0.00']] as const) {
      expect(formatAmount(minor, currency)).toBe(text);
      expect(parseAmount(text, currency)).toBe(minor);
    }
    expect(parseAmount('1,234.5', 'MYR')).toBe(123450);
    expect(parseAmount('12.345', 'MYR')).toBeUndefined();
    expect(parseAmount('12,5', 'MYR')).toBeUndefined();
    expect(parseAmount('abc', 'MYR')).toBeUndefined();
  });
});

describe('CSV formula guard', () => {
  it('puts an apostrophe before text a spreadsheet would run, and leaves the rest', () => {
    expect(protectCsvText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(protectCsvText('+855 12 345 678')).toBe("'+855 12 345 678");
    expect(protectCsvText('@cmd')).toBe("'@cmd");
    expect(protectCsvText('KH-26-7F3K-9QX2')).toBe('KH-26-7F3K-9QX2');
    expect(protectCsvText(7)).toBe(7);
  });
});

describe('HTCDS mapping', () => {
  it('gives every grievance with a forced-labour indicator a method of control, and no other grievance is exported', () => {
    for (const code of grievanceCodes) {
      const involved = grievances[code].indicators.length > 0;
      expect(traffickingGrievances.includes(code), code).toBe(involved);
      if (involved) expect(methodsOfControl[code]?.length, code).toBeGreaterThan(0);
    }
  });

  it('finds the ISIC section of a section letter, a division, a group or a class', () => {
    expect(isicSection('T')).toBe('T');
    expect(isicSection('03')).toBe('A');
    expect(isicSection('0311')).toBe('A');
    expect(isicSection('41')).toBe('F');
    expect(isicSection('97')).toBe('T');
    expect(isicSection('10')).toBe('C');
    expect(isicSection(null)).toBeNull();
  });
});

describe('column guessing', () => {
  it('recognises headers in the languages of the region, prefers exact labels, and follows the mapping', () => {
    const headers = ['No.', 'Nama', 'Jenis Kelamin', 'สัญชาติ', 'Worker names (Latin script)', 'Ngày sinh', 'Kronologi'];
    expect(guessColumns(headers)).toMatchObject({ externalId: 'No.', workerNames: 'Nama', workerSexes: 'Jenis Kelamin', workerNationalities: 'สัญชาติ', workerNamesLatin: 'Worker names (Latin script)', workerBirthDates: 'Ngày sinh', narrative: 'Kronologi' });
    const mapped = guessColumns(headers, { workerNames: 'Worker names (Latin script)', narrative: '' });
    expect(mapped.workerNames).toBe('Worker names (Latin script)');
    expect(mapped.narrative).toBeUndefined();
    expect(mapped.workerNamesLatin).toBeUndefined();
  });
});
