// Which documents the language server sees. Pure data: no `vscode` import.

/** VS Code language ids the server parses (see server/ztlint/engine/languages.py). */
export const LANGUAGE_IDS = [
  "python",
  "javascript",
  "javascriptreact",
  "typescript",
  "typescriptreact",
  "go",
  "java",
  "csharp",
  "ruby",
  "php",
  "shellscript",
  "yaml",
  "github-actions-workflow",
  "dockercompose",
  "json",
  "jsonc",
  "terraform",
  "terraform-vars",
  "hcl",
  "dockerfile",
] as const;

/**
 * Files that are not source code but often hold credentials; the server runs its text
 * (secret) rules on them. Their language id varies with the installed extensions, so they
 * are selected by name.
 */
export const SECRET_FILE_PATTERNS = [
  "**/.env",
  "**/.env.*",
  "**/*.env",
  "**/*.{properties,ini,cfg,conf,toml,tf,tfvars,hcl,xml}",
  "**/.npmrc",
  "**/.pypirc",
  "**/{Dockerfile,Containerfile}",
  "**/{Dockerfile,Containerfile}.*",
] as const;

/**
 * Dependency manifests and lock files whose pinned versions are checked against an OSV
 * database (`ztlint.osvDb`); package.json and package-lock.json come in as `json`.
 */
export const MANIFEST_PATTERNS = [
  "**/*requirements*.txt",
  "**/requirements/*.txt",
  "**/*constraints*.txt",
  "**/{poetry.lock,uv.lock,pdm.lock}",
] as const;

/**
 * Jupyter notebooks (VS Code's built-in ipynb serializer): their cells reach the server
 * through LSP notebook document sync, which the server announces (`notebookDocumentSync`,
 * python and markdown cells); vscode-languageclient then syncs them as notebooks, never as
 * separate text documents.
 */
export const NOTEBOOK_TYPE = "jupyter-notebook";

/** A file on disk (by language or name), or the cells of one language in notebooks of a type. */
export type DocumentFilter =
  | { scheme: string; language?: string; pattern?: string; notebook?: undefined }
  | { notebook: { notebookType: string; scheme: string }; language: string; scheme?: undefined; pattern?: undefined };

/** Only files on disk (the server maps URIs to paths for folders, config and suppressions),
 * and the Python cells of notebooks. */
export function documentSelector(): DocumentFilter[] {
  return [
    ...LANGUAGE_IDS.map((language) => ({ scheme: "file", language })),
    ...SECRET_FILE_PATTERNS.map((pattern) => ({ scheme: "file", pattern })),
    ...MANIFEST_PATTERNS.map((pattern) => ({ scheme: "file", pattern })),
    { notebook: { notebookType: NOTEBOOK_TYPE, scheme: "file" }, language: "python" },
  ];
}
