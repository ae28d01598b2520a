// Migration 15: the engine a volume's newest drill restored on (a policy's drill may restore onto another engine
// than the volume's own: policy `drill.engine`). NULL for rows written before: those restored on the volume's own.
export const drillEngineMigration = {
  version: 15,
  sql: `
    ALTER TABLE drill_volumes ADD COLUMN restored_on TEXT;
  `,
};
