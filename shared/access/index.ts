export * from './permissions';
export * from './sign-in';
export * from './password-policy';
export * from './fingerprint';
