/**
 * The desktop shell's Content-Security-Policy header, written out literally so that security
 * scanners (electronegativity evaluates it with Google's CSP evaluator) and reviewers see the
 * exact policy the window runs under. A unit test keeps it identical to
 * `cspHeader('desktop')` in `shared/security/csp.ts`, the one definition.
 */
export const CSP_HEADER =
  "default-src 'self'; script-src app://desk/assets/; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' https:; worker-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
