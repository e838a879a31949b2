import { z } from 'zod';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const currencies = new Set(Intl.supportedValuesOf('currency'));

/** True for an assigned ISO 3166-1 alpha-2 country code. */
export const isCountryCode = (code: string): boolean =>
  /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== code && !['EU', 'UN', 'EZ', 'QO', 'XK'].includes(code);

export const countryCode = z
  .string()
  .refine(isCountryCode, { error: 'iso3166' })
  .meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'KH' });

export const currencyCode = z
  .string()
  .refine((code) => currencies.has(code), { error: 'iso4217' })
  .meta({ description: 'ISO 4217 currency code', example: 'MYR' });

export const languageTag = z
  .string()
  .max(35)
  .refine(
    (tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    },
    { error: 'bcp47' },
  )
  .meta({ description: 'BCP 47 language tag', example: 'km' });

/** Money: an integer of minor units (cents, sen, satang…) with its ISO 4217 currency. */
export const money = z
  .object({
    amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    currency: currencyCode,
  })
  .meta({ id: 'Money', description: 'An amount in minor units of an ISO 4217 currency' });
export type Money = z.infer<typeof money>;

/** ISIC Rev. 4: a section letter (A–U) or a division, group or class number. */
export const isicCode = z
  .string()
  .regex(/^([A-U]|\d{2,4})$/, { error: 'isic' })
  .meta({ description: 'ISIC Rev. 4 section letter or division/group/class code', example: 'T' });

export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });
