/**
 * Expert panels (评审会), pure: sessions, recusal, independent scoring on the pack's sheet,
 * aggregation and ballots as pack data, the chair's sign-off, what the workflow reads, who may
 * do what, and the results batch file. Screens gather a `PanelContext` and call these.
 */
export * from './codes';
export * from './context';
export * from './units';
export * from './fraction';
export * from './tenths';
export * from './sheets';
export * from './recusal';
export * from './aggregate';
export * from './results';
export * from './visibility';
export * from './permissions';
export * from './session';
export * from './canonical';
export * from './batch';
export * from './exchange';
