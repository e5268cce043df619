import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { FakeProvider } from "./mock-engine";

/*
 * Runs a Pulumi component provider the way the engine does, with no engine: `provider/` is started by the
 * Node.js language host's plugin runner (`@pulumi/pulumi/cmd/run-plugin`, TypeScript through ts-node, as
 * PulumiPlugin.yaml asks), given the address of an Engine service, and prints its port. Construct requests name a
 * mock ResourceMonitor; it records every child the component registers and answers with a FakeProvider's state
 * and invoke results. This is what a Python, Go or YAML program's engine does with a multi-language component.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- the generated gRPC stubs (proto/*_pb.js) are untyped JavaScript */
/* eslint-disable @typescript-eslint/no-require-imports */
const resproto = require("@pulumi/pulumi/proto/resource_pb") as Record<string, any>;
const resrpc = require("@pulumi/pulumi/proto/resource_grpc_pb") as Record<string, any>;
const engrpc = require("@pulumi/pulumi/proto/engine_grpc_pb") as Record<string, any>;
const provproto = require("@pulumi/pulumi/proto/provider_pb") as Record<string, any>;
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb") as Record<string, any>;
const engproto = require("@pulumi/pulumi/proto/engine_pb") as Record<string, any>;
const emptyproto = require("google-protobuf/google/protobuf/empty_pb") as Record<string, any>;
/* eslint-enable @typescript-eslint/no-require-imports */

/** A child the component registered with the mock monitor. */
export interface RegisteredChild {
  type: string;
  name: string;
  custom: boolean;
  parent: string;
  urn: string;
  inputs: Record<string, unknown>;
}

/** A running provider plugin, the mock engine and monitor it talks to, and what was registered. */
export interface PluginHost {
  provider: any;
  monitorAddress: string;
  registered: RegisteredChild[];
  logs: string[];
  stop(): Promise<void>;
}

type Handler = (call: { request: any }, callback: (error: unknown, response?: unknown) => void) => void;

function serve(
  service: unknown,
  handlers: Record<string, Handler>,
): Promise<{ server: grpc.Server; port: number }> {
  const server = new grpc.Server();
  server.addService(service as grpc.ServiceDefinition, handlers as grpc.UntypedServiceImplementation);
  return new Promise((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) =>
      error ? reject(error) : resolve({ server, port }),
    ),
  );
}

/** The state a provider would answer with, as plain JSON (secret and unknown markers included). */
function plain(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value ?? {})) as Record<string, unknown>;
}

function monitorHandlers(
  fake: FakeProvider,
  project: string,
  registered: RegisteredChild[],
): Record<string, Handler> {
  return {
    supportsFeature: (_call, callback) => {
      const response = new resproto.SupportsFeatureResponse();
      response.setHassupport(false);
      callback(null, response);
    },
    registerResource: ({ request }, callback) => {
      const type: string = request.getType();
      const name: string = request.getName();
      const parent: string = request.getParent();
      const parentType = parent ? (parent.split("::")[2] ?? "") : "";
      const qualified =
        parentType && !parentType.startsWith("pulumi:pulumi:Stack") ? `${parentType}$${type}` : type;
      const urn = `urn:pulumi:dev::${project}::${qualified}::${name}`;
      const inputs = plain(request.getObject()?.toJavaScript());
      const custom: boolean = request.getCustom();
      registered.push({ type, name, custom, parent, urn, inputs });
      const response = new resproto.RegisterResourceResponse();
      response.setUrn(urn);
      if (custom) {
        const { id, state } = fake.computedState(type, name, inputs);
        response.setId(id);
        response.setObject(Struct.fromJavaScript(plain(state) as never));
      } else {
        response.setObject(Struct.fromJavaScript({}));
      }
      callback(null, response);
    },
    registerResourceOutputs: (_call, callback) => callback(null, new emptyproto.Empty()),
    invoke: ({ request }, callback) => {
      const result = fake.invoke(request.getTok(), plain(request.getArgs()?.toJavaScript()));
      const response = new provproto.InvokeResponse();
      response.setReturn(Struct.fromJavaScript(plain(result) as never));
      callback(null, response);
    },
    registerPackage: (_call, callback) => {
      const response = new resproto.RegisterPackageResponse();
      response.setRef("mock-package-ref");
      callback(null, response);
    },
  };
}

/**
 * Starts provider/ as the engine would, with a mock Engine service and a mock ResourceMonitor for one cloud.
 * @param fake - the cloud's computed states and invoke results.
 * @param project - the Pulumi project the monitor reports in URNs.
 */
export async function startProviderPlugin(fake: FakeProvider, project: string): Promise<PluginHost> {
  const logs: string[] = [];
  const registered: RegisteredChild[] = [];
  const engine = await serve(engrpc.EngineService, {
    log: ({ request }, callback) => {
      logs.push(String(request.getMessage()));
      callback(null, new emptyproto.Empty());
    },
    getRootResource: (_call, callback) => callback(null, new engproto.GetRootResourceResponse()),
    setRootResource: (_call, callback) => callback(null, new engproto.SetRootResourceResponse()),
  });
  const handlers = monitorHandlers(fake, project, registered);
  const guarded = Object.fromEntries(
    Object.entries(handlers).map(([method, handler]): [string, Handler] => [
      method,
      (call, callback) => {
        try {
          handler(call, callback);
        } catch (error) {
          logs.push(`monitor ${method} failed: ${String(error)}`);
          callback(error);
        }
      },
    ]),
  );
  const monitor = await serve(resrpc.ResourceMonitorService, guarded);
  const root = path.resolve(__dirname, "..", "..");
  const child: ChildProcess = spawn(
    process.execPath,
    [
      require.resolve("@pulumi/pulumi/cmd/run-plugin"),
      "--pwd",
      path.join(root, "provider"),
      ".",
      `127.0.0.1:${engine.port}`,
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^(\d+)\s*$/m.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`provider exited with ${code}: ${stderr}`)));
  });
  const provider = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return {
    provider,
    monitorAddress: `127.0.0.1:${monitor.port}`,
    registered,
    logs,
    async stop() {
      provider.close();
      child.kill();
      await Promise.all(
        [engine.server, monitor.server].map((s) => new Promise((done) => s.tryShutdown(done))),
      );
    },
  };
}

function unary<T>(client: any, method: string, request: unknown): Promise<T> {
  return new Promise((resolve, reject) =>
    client[method](request, (error: unknown, response: T) => (error ? reject(error) : resolve(response))),
  );
}

/** GetSchema over gRPC: the provider's package schema. */
export async function getSchema(host: PluginHost): Promise<Record<string, any>> {
  const response = await unary<any>(host.provider, "getSchema", new provproto.GetSchemaRequest());
  return JSON.parse(response.getSchema()) as Record<string, any>;
}

/** Construct over gRPC, as the engine sends it for a component declared in another language's program. */
export async function construct(
  host: PluginHost,
  project: string,
  type: string,
  name: string,
  inputs: Record<string, unknown>,
): Promise<{ urn: string; state: Record<string, unknown> }> {
  const request = new provproto.ConstructRequest();
  request.setProject(project);
  request.setStack("dev");
  request.setParallel(4);
  request.setDryrun(false);
  request.setMonitorendpoint(host.monitorAddress);
  request.setType(type);
  request.setName(name);
  request.setParent(`urn:pulumi:dev::${project}::pulumi:pulumi:Stack::${project}-dev`);
  request.setInputs(Struct.fromJavaScript(inputs as never));
  const response = await unary<any>(host.provider, "construct", request);
  return { urn: response.getUrn(), state: plain(response.getState()?.toJavaScript()) };
}
