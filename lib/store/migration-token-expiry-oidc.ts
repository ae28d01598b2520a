// Migration 7 (issue 14): API tokens may expire (`expires_at`, NULL = never), and a user may be the account of a
// single sign-on identity (`oidc_issuer` + `oidc_subject`, the provider's stable id). A user is matched by that
// pair, never by name, so an identity whose provider lets it choose its name cannot take over a local user.
export const tokenExpiryOidcMigration = {
  version: 7,
  sql: `
    ALTER TABLE tokens ADD COLUMN expires_at TEXT;
    ALTER TABLE users ADD COLUMN oidc_issuer TEXT;
    ALTER TABLE users ADD COLUMN oidc_subject TEXT;
    CREATE UNIQUE INDEX users_oidc_identity ON users(oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;
  `,
};
