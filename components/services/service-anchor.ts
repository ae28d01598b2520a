/** The id of a service's card on the Services page (volume pages link to it). */
export const serviceAnchor = (name: string) => `service-${name}`;

export const servicesHref = (engine: string, name?: string) =>
  `/engines/${encodeURIComponent(engine)}/services${name ? `#${serviceAnchor(name)}` : ""}`;
