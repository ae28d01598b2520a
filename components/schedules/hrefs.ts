export const SCHEDULES_HREF = "/schedules";
export const scheduleHref = (id: string) => `${SCHEDULES_HREF}#schedule-${id}`;
