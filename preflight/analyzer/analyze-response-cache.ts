/**
 * Decodes each distinct not-applicable list of the Analyze responses once.
 *
 * A pack answers every Analyze call with one `PolicyNotApplicable` (policy name, reason) per policy that does
 * not apply to the resource: with the secure-ai pack's fact tables, some 270 entries for any resource. The
 * lists repeat (resources of one type are skipped by the same policies with the same reasons), and decoding
 * them with google-protobuf was the client's largest cost: the pack sat idle half the time waiting for it.
 * `not_applicable` is field 3 of `AnalyzeResponse` and encoders write fields in number order, so the list is
 * a suffix of the message: this deserializer decodes the rest (the diagnostics) with the generated code and
 * takes the list from a cache keyed by the suffix's bytes, decoded the first time by the generated code
 * itself. A message whose field 3 is not one trailing run is decoded whole, as before.
 */
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";

/** One not-applicable entry, decoded. */
export interface DecodedNotApplicable {
  policyName: string;
  reason: string;
}

/** An AnalyzeResponse whose not-applicable list came from the cache. */
export type CachedAnalyzeResponse = analyzerProto.AnalyzeResponse & {
  decodedNotApplicable?: readonly DecodedNotApplicable[];
};

const NOT_APPLICABLE_FIELD = 3;
/** Distinct lists kept; a stack has one or a few per resource type. */
const MAX_CACHED_LISTS = 512;

/** Where the next read starts; one per scanned message. */
interface Cursor {
  offset: number;
}

/**
 * Reads the varint at `cursor.offset` and moves the cursor past it; undefined when truncated. Returns a plain
 * number: the scan below reads two varints per not-applicable entry, some 480,000 per 1,000 answers of the
 * secure-ai pack, and an object per read was 27 MB of garbage for the client to collect.
 */
function readVarint(buffer: Uint8Array, cursor: Cursor): number | undefined {
  let value = 0;
  let shift = 0;
  for (let index = cursor.offset; index < buffer.length && shift < 50; index++) {
    const byte = buffer[index]!;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) {
      cursor.offset = index + 1;
      return value;
    }
    shift += 7;
  }
  return undefined;
}

/**
 * The offset of the first field-3 entry, `buffer.length` when there is none, or undefined when a field before
 * it is not length-delimited as expected. Reads only the fields before that entry: the diagnostics, few.
 */
export function firstNotApplicableOffset(buffer: Uint8Array): number | undefined {
  const cursor: Cursor = { offset: 0 };
  while (cursor.offset < buffer.length) {
    const entryStart = cursor.offset;
    const tag = readVarint(buffer, cursor);
    if (tag === undefined || tag % 8 !== 2) {
      return undefined;
    }
    if (Math.floor(tag / 8) === NOT_APPLICABLE_FIELD) {
      return entryStart;
    }
    const length = readVarint(buffer, cursor);
    if (length === undefined) {
      return undefined;
    }
    cursor.offset += length;
  }
  return cursor.offset === buffer.length ? buffer.length : undefined;
}

/** Whether the bytes from `start` to the end are one run of whole field-3 entries. */
export function isNotApplicableRun(buffer: Uint8Array, start: number): boolean {
  const cursor: Cursor = { offset: start };
  while (cursor.offset < buffer.length) {
    const tag = readVarint(buffer, cursor);
    if (tag === undefined || tag !== NOT_APPLICABLE_FIELD * 8 + 2) {
      return false;
    }
    const length = readVarint(buffer, cursor);
    if (length === undefined) {
      return false;
    }
    cursor.offset += length;
  }
  return cursor.offset === buffer.length;
}

/**
 * The offset where the trailing run of field-3 entries starts, `buffer.length` when there is none, or
 * undefined when field 3 appears before another field (or the message is not length-delimited as expected).
 */
export function notApplicableSuffixStart(buffer: Uint8Array): number | undefined {
  const start = firstNotApplicableOffset(buffer);
  return start !== undefined && isNotApplicableRun(buffer, start) ? start : undefined;
}

/**
 * A `responseDeserialize` for the Analyze and AnalyzeStack methods that caches decoded not-applicable lists.
 */
export function cachingAnalyzeResponseDeserializer(): (buffer: Buffer) => CachedAnalyzeResponse {
  // Lists by their encoded bytes, grouped by length; compared with memcmp (`Buffer.equals`) rather than
  // keyed by a string of some 28 KB built per response.
  const lists = new Map<number, { bytes: Buffer; list: readonly DecodedNotApplicable[] }[]>();
  let cached = 0;
  let last: { bytes: Buffer; list: readonly DecodedNotApplicable[] } | undefined;
  const lookup = (suffix: Buffer): readonly DecodedNotApplicable[] | undefined => {
    if (last !== undefined && last.bytes.equals(suffix)) {
      return last.list;
    }
    const hit = lists.get(suffix.length)?.find((entry) => entry.bytes.equals(suffix));
    if (hit !== undefined) {
      last = hit;
    }
    return hit?.list;
  };
  return (buffer) => {
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const start = firstNotApplicableOffset(bytes);
    if (start === undefined || start === bytes.length) {
      return analyzerProto.AnalyzeResponse.deserializeBinary(bytes);
    }
    const suffix = buffer.subarray(start);
    // A cached list's bytes were checked to be one run of whole field-3 entries when they were stored, so the
    // same bytes need no second walk: only a list not seen before is walked (some 240 entries per answer).
    let list = lookup(suffix);
    if (list === undefined && !isNotApplicableRun(bytes, start)) {
      return analyzerProto.AnalyzeResponse.deserializeBinary(bytes);
    }
    const response: CachedAnalyzeResponse = analyzerProto.AnalyzeResponse.deserializeBinary(
      bytes.subarray(0, start),
    );
    if (list === undefined) {
      list = Object.freeze(
        analyzerProto.AnalyzeResponse.deserializeBinary(bytes.subarray(start))
          .getNotApplicableList()
          .map((item) => Object.freeze({ policyName: item.getPolicyName(), reason: item.getReason() })),
      );
      if (cached < MAX_CACHED_LISTS) {
        // A copy: `buffer` may be a view into a larger pooled allocation that is reused.
        const entry = { bytes: Buffer.from(suffix), list };
        const sameLength = lists.get(suffix.length);
        if (sameLength === undefined) {
          lists.set(suffix.length, [entry]);
        } else {
          sameLength.push(entry);
        }
        cached++;
        last = entry;
      }
    }
    response.decodedNotApplicable = list;
    return response;
  };
}
