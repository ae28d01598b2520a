const root = (engine: string) => `/engines/${encodeURIComponent(engine)}`;

export const volumesHref = (engine: string) => `${root(engine)}/volumes`;

/** The container's card on the containers page (its id there is `container-<name>`). */
export const containerHref = (engine: string, name: string) => `${root(engine)}/containers#container-${encodeURIComponent(name)}`;
