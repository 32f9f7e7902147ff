// The API shapes the journeys read, from the shared contracts.
import type { z } from 'zod';
import type { compoundList, myUnitsView } from '../../src/contracts/registry.ts';
import type { mailboxView } from '../../src/contracts/accounts.ts';

export type { PlacesView } from '../../src/contracts/registry.ts';
export type CompoundList = z.infer<typeof compoundList>;
export type MyUnits = z.infer<typeof myUnitsView>;
export type Mailbox = z.infer<typeof mailboxView>;
