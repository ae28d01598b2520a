export const BACKUPS_HREF = "/backups";

/** A backup's row on the backups page (its id there is `backup-<id>`, highlighted as the target). */
export const backupHref = (id: string) => `${BACKUPS_HREF}#backup-${id}`;

export const volumeHref = (engine: string, name: string) => `/engines/${encodeURIComponent(engine)}/volumes/${encodeURIComponent(name)}`;
