import { v7 as uuidv7 } from 'uuid';

/** A new record or operation id: UUIDv7, time-ordered, valid forever (no temporary ids). */
export const newId = (): string => uuidv7();
