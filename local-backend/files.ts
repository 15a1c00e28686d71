// File storage for the local backend, as Convex serves it: `ctx.storage.generateUploadUrl()`
// gives a one-time URL on the deployment (POST the file there, get `{ storageId }`),
// `ctx.storage.getUrl(id)` a URL that serves the file. convex-test keeps files in memory and
// hands out placeholder URLs; here each file is also written under the state directory
// (`files/`, private like the rest) and read back from there after a restart.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Upload URLs work once, within this long (Convex's last about an hour too). */
export const UPLOAD_TOKEN_TTL_MS = 60 * 60 * 1000;
/** Storage ids as convex-test makes them: digits and the table name. Anything else never touches the disk. */
const STORAGE_ID = /^[A-Za-z0-9_]{1,64}$/;

export class FileStore {
  /** null: files stay in memory only (tests without a state directory). */
  readonly dir: string | null;
  baseUrl = "";
  private readonly tokens = new Map<string, number>();
  /** Disk writes in flight, by storage id. */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(stateDir: string | null) {
    this.dir = stateDir === null ? null : join(stateDir, "files");
    if (this.dir) mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  uploadUrl(): string {
    const now = Date.now();
    for (const [token, expires] of this.tokens) if (expires <= now) this.tokens.delete(token);
    const token = randomBytes(24).toString("base64url");
    this.tokens.set(token, now + UPLOAD_TOKEN_TTL_MS);
    return `${this.baseUrl}/api/storage/upload?token=${token}`;
  }

  /** True (once) for a token this process issued that has not expired. */
  takeToken(token: string | null): boolean {
    if (token === null) return false;
    const expires = this.tokens.get(token);
    this.tokens.delete(token);
    return expires !== undefined && expires > Date.now();
  }

  fileUrl(storageId: string): string {
    return `${this.baseUrl}/api/storage/${storageId}`;
  }

  /** Writes a stored file to disk (atomically: a crash leaves the old state or the new file). */
  persist(storageId: string, blob: Blob) {
    const dir = this.dir;
    if (!dir || !STORAGE_ID.test(storageId)) return;
    const write = blob.arrayBuffer().then((buffer) => {
      const temp = join(dir, `.${storageId}.tmp`);
      writeFileSync(temp, Buffer.from(buffer), { mode: 0o600 });
      renameSync(temp, join(dir, storageId));
    });
    this.writing.set(storageId, write);
    void write.finally(() => this.writing.delete(storageId));
  }

  async flushed(storageId: string) {
    await this.writing.get(storageId);
  }

  read(storageId: string): Blob | null {
    if (!this.dir || !STORAGE_ID.test(storageId)) return null;
    const file = join(this.dir, storageId);
    return existsSync(file) ? new Blob([readFileSync(file)]) : null;
  }

  /** Removes files whose `_storage` document is gone (deleted files, or a failed upload). */
  sweep(isStored: (storageId: string) => boolean) {
    if (!this.dir) return;
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith(".") || !isStored(name)) rmSync(join(this.dir, name), { force: true });
    }
  }
}

/** The served type, from the file's first bytes; anything else is offered as a download. */
export function servedType(bytes: Uint8Array): string | null {
  const at = (offset: number, ...values: number[]) => values.every((value, i) => bytes[offset + i] === value);
  if (at(0, 0x89, 0x50, 0x4e, 0x47)) return "image/png";
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "image/webp";
  return null;
}
