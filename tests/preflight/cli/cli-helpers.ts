import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** A stream that keeps what the CLI writes. */
export class Capture {
  text = "";
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** A program directory and a pack directory that exist, as the CLI checks before running. */
export function workspace(): { dir: string; program: string; pack: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ai-cli-"));
  const program = path.join(dir, "program");
  const pack = path.join(dir, "pack");
  fs.mkdirSync(program);
  fs.mkdirSync(pack);
  fs.writeFileSync(path.join(pack, "PulumiPolicy.yaml"), "runtime: nodejs\n");
  return { dir, program, pack };
}
