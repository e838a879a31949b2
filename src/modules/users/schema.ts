import { z } from 'zod';
import { roles } from '../auth/actor';

export const userInputSchema = z
  .object({
    email: z.email().max(254),
    password: z.string().min(12).max(200),
    name: z.string().trim().min(1).max(200),
    organisationId: z.uuid(),
    role: z.enum(roles),
  })
  .meta({ id: 'NewUser' });
export type UserInput = z.infer<typeof userInputSchema>;

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    organisationId: z.uuid(),
    role: z.enum(roles),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
