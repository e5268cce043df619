/**
 * The parts of the resource monitor's protobuf requests the recorder reads. Structural types rather than
 * imports, because the program's own copy of `@pulumi/pulumi` creates these objects.
 */

/** A protobuf Struct (`google.protobuf.Struct`). */
export interface WireStruct {
  toJavaScript(): Record<string, unknown>;
}

/** Minimal `jspb.Map` surface. */
export interface WireMap<V> {
  forEach(callback: (value: V, key: string) => void): void;
}

/** `pulumirpc.Alias`. */
export interface WireAlias {
  getUrn(): string;
  hasSpec(): boolean;
  getSpec():
    | {
        getName(): string;
        getType(): string;
        getStack(): string;
        getProject(): string;
        getParenturn(): string;
        getNoparent(): boolean;
      }
    | undefined;
}

/** `pulumirpc.RegisterResourceRequest`. */
export interface RegisterResourceRequestLike {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): WireStruct | undefined;
  getProtect(): boolean | undefined;
  getDependenciesList(): string[];
  getProvider(): string;
  getPropertydependenciesMap(): WireMap<{ getUrnsList(): string[] }>;
  getDeletebeforereplace(): boolean;
  getDeletebeforereplacedefined(): boolean;
  getIgnorechangesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getAliasurnsList(): string[];
  getAliasesList(): WireAlias[];
  getImportid(): string;
  /** Whether the resource is a component a provider plugin constructs (multi-language component). */
  getRemote?(): boolean;
  getCustomtimeouts(): { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
  getRetainondelete(): boolean | undefined;
  /** Where the program called the resource's constructor (SDK 3.1xx on; absent in older SDKs). */
  getSourceposition?(): { getUri(): string; getLine(): number; getColumn(): number } | undefined;
}

/** `pulumirpc.ReadResourceRequest`. */
export interface ReadResourceRequestLike {
  getId(): string;
  getType(): string;
  getName(): string;
  getParent(): string;
  getProperties(): WireStruct | undefined;
  getDependenciesList(): string[];
  getProvider(): string;
  getAdditionalsecretoutputsList(): string[];
}

/** `pulumirpc.ResourceInvokeRequest`. */
export interface InvokeRequestLike {
  getTok(): string;
  getArgs(): WireStruct | undefined;
}

/** `pulumirpc.RegisterResourceOutputsRequest`. */
export interface RegisterResourceOutputsRequestLike {
  getUrn(): string;
  getOutputs(): WireStruct | undefined;
}

/** `pulumirpc.RegisterResourceResponse`: the URN, and the ID and state the provider (here: the mocks) answered. */
export interface RegisterResourceResponseLike {
  getUrn(): string;
  getId?(): string;
  getObject?(): WireStruct | undefined;
}

/** A gRPC-style callback. */
export type WireCallback<T> = (error: Error | null, response?: T) => void;

/** The mock resource monitor the SDK installs with `setMocks`: the methods the recorder wraps. */
export interface MonitorLike {
  registerResource(
    request: RegisterResourceRequestLike,
    callback: WireCallback<RegisterResourceResponseLike>,
  ): unknown;
  readResource(request: ReadResourceRequestLike, callback: WireCallback<{ getUrn(): string }>): unknown;
  invoke(request: InvokeRequestLike, callback: WireCallback<unknown>): unknown;
  registerResourceOutputs(
    request: RegisterResourceOutputsRequestLike,
    callback: WireCallback<unknown>,
  ): unknown;
}
