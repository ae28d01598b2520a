// The file browser's answers (API.md "Inside volumes", extras in docs/API-EXTENSIONS.md).

export type FileType = "file" | "dir" | "symlink" | "other";

export type FileEntry = {
  name: string;
  type: FileType;
  /** Content bytes of a file, target length of a symlink, 0 for a directory. */
  size: number;
  /** Permission bits in octal, setuid/setgid/sticky included ("4755"). */
  mode: string;
  uid: number;
  gid: number;
  /** ISO-8601. */
  mtime: string;
  linkTarget?: string;
  /** Symlinks: the target as written leaves the volume (absolute, or climbs above its root); never followed. */
  linkOutside?: boolean;
};

export type FilesDataPath = "direct" | "archive";

export type FileSort = "name" | "size" | "mtime";
export type SortOrder = "asc" | "desc";

export type FileListing = {
  path: string;
  entries: FileEntry[];
  nextCursor?: string;
  /** Entries in the directory that match the filter (all pages). */
  total: number;
  dataPath: FilesDataPath;
};
