"use client";
export function ContainersPage({ engine }: { engine: string }) {
  return <p>{engine}</p>;
}
