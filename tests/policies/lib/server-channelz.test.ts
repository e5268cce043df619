/**
 * `serveWithoutChannelz`: the server the SDK's `serve` builds runs without channelz, with grpc-js's real
 * `Server` (resolved as the SDK resolves it), and nothing else changes.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  CHANNELZ_OPTION,
  serveWithoutChannelz,
} from "../../../policy-packs/secure-ai/policies/lib/server-channelz";

/** grpc-js as `@pulumi/policy/server` loads it: the package index and the module that defines `Server`. */
const fromServer = createRequire(
  createRequire(require.resolve("@pulumi/policy")).resolve("@pulumi/policy/server"),
);
const grpc = fromServer("@grpc/grpc-js") as { Server: new (options?: object) => GrpcServer };
const grpcServerModule = fromServer("@grpc/grpc-js/build/src/server") as { Server: unknown };

/** The grpc-js internals the test reads: the switch its constructor sets from the options. */
interface GrpcServer {
  channelzEnabled: boolean;
  options: Record<string, unknown>;
  forceShutdown(): void;
}

/** A fake `@pulumi/policy/server` whose `serve` builds a real grpc-js server as the SDK does. */
function fakeSdk(options: Record<string, unknown>) {
  const built: GrpcServer[] = [];
  const server = {
    serve(..._args: unknown[]) {
      built.push(new grpc.Server(options));
    },
  };
  const fake = Object.assign((id: string) => (id === "/fake/server.js" ? server : fromServer(id)), {
    resolve: (id: string) => (id === "@pulumi/policy/server" ? "/fake/server.js" : id),
  }) as unknown as NodeJS.Require;
  return { server, built, fake };
}

describe("serveWithoutChannelz", () => {
  it("builds the served server with channelz off and the SDK's options kept", () => {
    const sdk = fakeSdk({ "grpc.max_receive_message_length": 1234 });
    const OriginalServer = grpcServerModule.Server;
    expect(serveWithoutChannelz(sdk.fake, () => fromServer)).toBe(true);
    sdk.server.serve("secure-ai", "0.1.0", "advisory", {});
    const [served] = sdk.built;
    expect(served!.channelzEnabled).toBe(false);
    expect(served!.options).toEqual({ [CHANNELZ_OPTION]: 0, "grpc.max_receive_message_length": 1234 });
    // Still grpc-js's own class: its prototype, and the pack's other wrappers of it, apply.
    expect(served).toBeInstanceOf(OriginalServer as new () => object);
    expect(Object.getPrototypeOf(served)).toBe((OriginalServer as { prototype: object }).prototype);
    // Only while `serve` runs: afterwards grpc-js's export is its class again, channelz on by default.
    expect(grpcServerModule.Server).toBe(OriginalServer);
    expect(grpc.Server).toBe(OriginalServer);
    const outside = new grpc.Server();
    expect(outside.channelzEnabled).toBe(true);
    for (const instance of [served!, outside]) {
      instance.forceShutdown();
    }
  });

  it("keeps an explicit channelz option and wraps serve once", () => {
    const sdk = fakeSdk({ [CHANNELZ_OPTION]: 1 });
    expect(serveWithoutChannelz(sdk.fake, () => fromServer)).toBe(true);
    const wrapped = sdk.server.serve;
    expect(serveWithoutChannelz(sdk.fake, () => fromServer)).toBe(true);
    expect(sdk.server.serve).toBe(wrapped);
    sdk.server.serve();
    expect(sdk.built.map((server) => server.channelzEnabled)).toEqual([true]);
    sdk.built[0]!.forceShutdown();
  });

  it("changes nothing when the SDK or grpc-js does not have the expected shape", () => {
    const sdk = fakeSdk({});
    const serve = sdk.server.serve;
    expect(
      serveWithoutChannelz(sdk.fake, () => ((id: string) => ({ id })) as unknown as NodeJS.Require),
    ).toBe(false);
    expect(sdk.server.serve).toBe(serve);
    const missing = Object.assign(
      (id: string) => {
        throw new Error(`cannot find ${id}`);
      },
      { resolve: (id: string) => id },
    ) as unknown as NodeJS.Require;
    expect(serveWithoutChannelz(missing)).toBe(false);
  });
});
