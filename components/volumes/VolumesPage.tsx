"use client";
export function VolumesPage({ engine }: { engine: string }) {
  return <p>{engine}</p>;
}
