"use client";
import { useEffect, useRef, useState } from "react";

/**
 * The text of a box whose value lives in the URL (see useUrlState). The box keeps its own text: the URL it
 * writes to is read back a moment later (in a transition), and a controlled input fed from it would drop
 * keystrokes typed in between. A change from outside (Back, a shared link, a "clear" button) is taken over.
 * Used by every search box kept in the URL (SearchField in the toolbars, the file and audit filters).
 */
export function useUrlText(value: string, write: (text: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(value);
  // What this box wrote and the URL has not echoed yet: an echo is not a change from outside.
  const written = useRef<string[]>([]);
  useEffect(() => {
    const i = written.current.indexOf(value);
    if (i >= 0) written.current.splice(0, i + 1);
    else setText(value);
  }, [value]);
  const change = (next: string) => {
    setText(next);
    written.current.push(next);
    write(next);
  };
  return [text, change];
}
