// Pure: one text in one URL search parameter (a page's filter box, say), as the read and write pair useUrlState
// takes. Empty text leaves the parameter out, so a plain page has a plain URL.

export type TextParam = {
  read: (params: URLSearchParams) => string;
  write: (params: URLSearchParams, text: string) => URLSearchParams;
};

export function textParam(key: string): TextParam {
  return {
    read: (params) => params.get(key) ?? "",
    write: (params, text) => {
      const next = new URLSearchParams(params);
      if (text) next.set(key, text);
      else next.delete(key);
      return next;
    },
  };
}
