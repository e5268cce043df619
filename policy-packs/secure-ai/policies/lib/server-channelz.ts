/**
 * Serves the pack's gRPC server without channelz.
 *
 * `@pulumi/policy` 1.21's `serve` builds its server with `new grpc.Server({ "grpc.max_receive_message_length":
 * ... })`. `@grpc/grpc-js` then keeps channelz on, its introspection service's bookkeeping: every call goes
 * through `_channelzHandler` instead of `_streamHandler`, with call and message counters, timestamps and a
 * tracker object per call. Nothing ever reads them from a policy pack (grpc-js serves channelz only when the
 * program adds the admin service), and it cost some 6% of the pack's CPU per Analyze call in the
 * policy-evaluation benchmark (docs/benchmarks.md, session 10). grpc-js's documented server option
 * `grpc.enable_channelz: 0` turns it off; this module gives it to the server `serve` creates. Options the
 * SDK passes are kept, and an explicit `grpc.enable_channelz` among them wins.
 *
 * Only the running pack installs this (`policy-packs/secure-ai/pack.ts`); importing the policies does not.
 */
import { createRequire } from "node:module";

/** The option grpc-js reads in its `Server` constructor; `0` disables channelz for that server. */
export const CHANNELZ_OPTION = "grpc.enable_channelz";

/** `@grpc/grpc-js`'s server class, as far as constructing it goes. */
type ServerClass = new (options?: Record<string, unknown>) => object;

/** grpc-js's `build/src/server` module, whose `Server` export the package index reads at each access. */
interface ServerClassModule {
  Server?: ServerClass;
}

/** The exports of `@pulumi/policy/server` used here. */
interface PolicyServerModule {
  serve?: (...args: unknown[]) => void;
  /** Set once this module has wrapped `serve`. */
  __secureAiWithoutChannelz?: boolean;
}

/**
 * Makes the next `PolicyPack` serve with channelz off (see the module comment). Call it before constructing
 * the pack.
 *
 * @param requireFrom - resolves modules as `@pulumi/policy` does. @default `require` from `@pulumi/policy`
 * @param requireNextTo - resolves modules from the server module's directory (grpc-js's server module as the
 *   SDK loads it). @default `createRequire(serverPath)`
 * @returns whether the SDK and grpc-js had the expected shape and `serve` is now wrapped.
 */
export function serveWithoutChannelz(
  requireFrom?: NodeJS.Require,
  requireNextTo: (serverPath: string) => NodeJS.Require = createRequire,
): boolean {
  let server: PolicyServerModule;
  let grpcServer: ServerClassModule;
  try {
    const resolve = requireFrom ?? createRequire(require.resolve("@pulumi/policy"));
    const serverPath = resolve.resolve("@pulumi/policy/server");
    server = resolve(serverPath) as PolicyServerModule;
    grpcServer = requireNextTo(serverPath)("@grpc/grpc-js/build/src/server") as ServerClassModule;
  } catch {
    return false;
  }
  if (server.__secureAiWithoutChannelz) {
    return true;
  }
  const originalServe = server.serve;
  const OriginalServer = grpcServer.Server;
  if (typeof originalServe !== "function" || typeof OriginalServer !== "function") {
    return false;
  }
  // A proxy, not a subclass: `Server.prototype` and the statics stay the original's, so the pack's other
  // wrappers of the server's methods (`./type-index-server.ts`, `./analyzer-info-encoding.ts`) see one class.
  const WithoutChannelz: ServerClass = new Proxy(OriginalServer, {
    construct(target, args: unknown[], newTarget): object {
      const options = (args[0] ?? {}) as Record<string, unknown>;
      return Reflect.construct(
        target,
        [{ [CHANNELZ_OPTION]: 0, ...options }, ...args.slice(1)],
        newTarget === WithoutChannelz ? target : newTarget,
      ) as object;
    },
  });
  server.serve = function serveWithoutChannelzOn(this: unknown, ...args: unknown[]) {
    grpcServer.Server = WithoutChannelz;
    try {
      originalServe.apply(this, args);
    } finally {
      grpcServer.Server = OriginalServer;
    }
  };
  server.__secureAiWithoutChannelz = true;
  return true;
}
