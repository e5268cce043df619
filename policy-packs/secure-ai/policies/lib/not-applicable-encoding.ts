/**
 * Each distinct not-applicable list is encoded once, not once per resource.
 *
 * For every resource it analyzes, `@pulumi/policy` 1.21's server answers with one `PolicyNotApplicable`
 * (policy name, reason) per policy that does not apply: about 90 of this pack's 96 for any resource, some
 * 15 KB of protobuf per response. google-protobuf writes each string of each entry through its generic
 * writer, which measured here 0.15 to 0.5 ms per response, a third of the server's time per resource. The
 * lists repeat (resources of one type are skipped by the same policies with the same reasons), so this
 * module serializes the response's other fields with the original code and appends the list's bytes from a
 * cache, encoded the first time by the original code itself. Protobuf writes fields in field-number order
 * and `not_applicable` (3) is the response's last field, so the bytes are identical to the original's (a
 * test compares them). The diagnostics ahead of the list are written by `./wire-writer.ts` when they have
 * the generated getters (the same bytes, some eight times faster than google-protobuf's writer), else by
 * the original code.
 *
 * Only the running pack installs this (`policy-packs/secure-ai/pack.ts`); importing the policies does not.
 */
import { createRequire } from "node:module";
import { MessageWriter, NotEncodable } from "./wire-writer";

/** The parts of the generated `pulumirpc.AnalyzeResponse` / `PolicyNotApplicable` classes used here. */
interface NotApplicableMessage {
  getPolicyName(): string;
  getReason(): string;
}
/** The getters of the generated `pulumirpc.AnalyzeDiagnostic`. */
interface DiagnosticMessage {
  getPolicyname(): string;
  getPolicypackname(): string;
  getPolicypackversion(): string;
  getDescription(): string;
  getMessage(): string;
  getEnforcementlevel(): number;
  getUrn(): string;
  getSeverity(): number;
}
interface AnalyzeResponseMessage {
  getDiagnosticsList?(): DiagnosticMessage[];
  getNotApplicableList(): NotApplicableMessage[];
  setNotApplicableList(list: NotApplicableMessage[]): unknown;
  serializeBinary(): Uint8Array;
}
interface AnalyzerProtoModule {
  AnalyzeResponse?: {
    new (): AnalyzeResponseMessage;
    prototype: AnalyzeResponseMessage;
    /** Set once this module has wrapped it. */
    __secureAiCachedNotApplicable?: boolean;
  };
}

/**
 * Distinct lists kept (about 15 KB each); beyond it, lists are still encoded correctly, just not cached.
 * A stack has one or a few lists per resource type.
 */
const CACHE_LIMIT = 2_000;

/** Lists compared entry by entry before the keyed cache is consulted. */
const RECENT_LISTS = 8;

/**
 * Makes the policy server encode each distinct not-applicable entry once (see the module comment). Applied
 * only when the generated classes have the expected shape; otherwise nothing changes.
 *
 * @param requireFrom - resolves modules as `@pulumi/policy` does. @default `require` from `@pulumi/policy`
 * @returns whether responses are now encoded through the cache.
 */
export function cacheNotApplicableEncoding(requireFrom?: NodeJS.Require): boolean {
  let proto: AnalyzerProtoModule;
  try {
    const resolve = requireFrom ?? createRequire(require.resolve("@pulumi/policy"));
    proto = resolve("@pulumi/pulumi/proto/analyzer_pb") as AnalyzerProtoModule;
  } catch {
    return false;
  }
  const Response = proto.AnalyzeResponse;
  if (Response === undefined) {
    return false;
  }
  if (Response.__secureAiCachedNotApplicable) {
    return true;
  }
  const prototype = Response.prototype;
  const original = prototype.serializeBinary;
  if (
    typeof original !== "function" ||
    typeof prototype.getNotApplicableList !== "function" ||
    typeof prototype.setNotApplicableList !== "function"
  ) {
    return false;
  }
  const encoded = new Map<string, Uint8Array>();
  // Resources of one type are skipped by the same policies: compare with the lists encoded last first
  // (several, since a stack interleaves its types), element by element and by identity before content,
  // so a hit costs no key string of some 270 entries.
  const recent: { entries: NotApplicableMessage[]; bytes: Uint8Array }[] = [];
  const encodeList = (entries: NotApplicableMessage[]): Uint8Array => {
    // The type index (`./type-index.ts`) hands the same list instance to every resource of a type.
    const hit = recent.findIndex((item) => item.entries === entries || sameEntries(entries, item.entries));
    if (hit >= 0) {
      const item = recent[hit]!;
      if (hit > 0) {
        recent.splice(hit, 1);
        recent.unshift(item);
      }
      return item.bytes;
    }
    const key = entries.map((entry) => `${entry.getPolicyName()}\u0000${entry.getReason()}`).join("\u0001");
    let bytes = encoded.get(key);
    if (bytes === undefined) {
      const listOnly = new Response();
      listOnly.setNotApplicableList(entries);
      bytes = original.call(listOnly);
      if (encoded.size < CACHE_LIMIT) {
        encoded.set(key, bytes);
      }
    }
    recent.unshift({ entries, bytes });
    if (recent.length > RECENT_LISTS) {
      recent.pop();
    }
    return bytes;
  };
  prototype.serializeBinary = function serializeWithCachedNotApplicable(this: AnalyzeResponseMessage) {
    const entries = this.getNotApplicableList();
    let head: Uint8Array | undefined = encodeDiagnostics(this);
    if (entries.length === 0) {
      return head ?? original.call(this);
    }
    if (head === undefined) {
      this.setNotApplicableList([]);
      try {
        head = original.call(this);
      } finally {
        this.setNotApplicableList(entries);
      }
    }
    const list = encodeList(entries);
    return head.length === 0 ? list : Buffer.concat([head, list]);
  };
  Response.__secureAiCachedNotApplicable = true;
  return true;
}

/** `AnalyzeDiagnostic` field numbers (pulumirpc), in the order the generated code writes them. */
const DIAGNOSTICS_FIELD = 2;

/**
 * The response's diagnostics (field 2) as the generated code writes them, or undefined when the message
 * does not have the generated getters or holds something the writer does not reproduce.
 */
function encodeDiagnostics(response: AnalyzeResponseMessage): Buffer | undefined {
  if (typeof response.getDiagnosticsList !== "function") {
    return undefined;
  }
  try {
    const writer = new MessageWriter();
    for (const diagnostic of response.getDiagnosticsList()) {
      const fields = new MessageWriter()
        .optionalString(1, diagnostic.getPolicyname())
        .optionalString(2, diagnostic.getPolicypackname())
        .optionalString(3, diagnostic.getPolicypackversion())
        .optionalString(4, diagnostic.getDescription())
        .optionalString(5, diagnostic.getMessage())
        .optionalNumber(7, diagnostic.getEnforcementlevel())
        .optionalString(8, diagnostic.getUrn())
        .optionalNumber(9, diagnostic.getSeverity());
      writer.bytes(DIAGNOSTICS_FIELD, fields.done());
    }
    return writer.done();
  } catch (error) {
    if (error instanceof NotEncodable || error instanceof TypeError) {
      return undefined;
    }
    throw error;
  }
}

function sameEntries(a: readonly NotApplicableMessage[], b: readonly NotApplicableMessage[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let index = 0; index < a.length; index++) {
    const left = a[index]!;
    const right = b[index]!;
    if (
      left !== right &&
      (left.getPolicyName() !== right.getPolicyName() || left.getReason() !== right.getReason())
    ) {
      return false;
    }
  }
  return true;
}
