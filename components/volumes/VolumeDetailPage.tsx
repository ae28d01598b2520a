"use client";
export function VolumeDetailPage({ engine, name }: { engine: string; name: string }) {
  return <p>{engine}/{name}</p>;
}
