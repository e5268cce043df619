/**
 * Reading IAM-style policy documents: JSON text or objects, single values or lists, principals flattened,
 * conditions normalised to string lists, and `undefined` for anything that is not a readable document.
 */
import { describe, expect, it } from "vitest";
import {
  isOpenToEveryone,
  statementsOf,
  type Statement,
} from "../../../policy-packs/secure-ai/policies/lib/iam-document";
import { UNKNOWN } from "../../../policy-packs/secure-ai/policies/lib/values";
import { UNKNOWN_STRING } from "../../../policy-packs/secure-ai/policies/lib/sdk-internals";

const empty: Statement = {
  effect: "",
  actions: [],
  notActions: false,
  principals: [],
  conditions: {},
  resources: [],
  malformedPrincipals: false,
};

function statement(overrides: Partial<Statement>): Statement {
  return { ...empty, ...overrides };
}

describe("statementsOf: the document itself", () => {
  it("parses a JSON string into normalised statements", () => {
    const text = JSON.stringify({
      Statement: [{ Effect: "Allow", Action: "s3:GetObject", Principal: "*", Resource: "arn:aws:s3:::b/*" }],
    });
    expect(statementsOf(text)).toEqual([
      statement({
        effect: "Allow",
        actions: ["s3:GetObject"],
        principals: ["*"],
        resources: ["arn:aws:s3:::b/*"],
      }),
    ]);
  });

  it("reads an object document as it is", () => {
    expect(statementsOf({ Statement: [{ Effect: "Deny", Action: ["kms:*"] }] })).toEqual([
      statement({ effect: "Deny", actions: ["kms:*"] }),
    ]);
  });

  it("gives undefined for text that is not JSON", () => {
    expect(statementsOf("{not json")).toBeUndefined();
    expect(statementsOf("")).toBeUndefined();
  });

  it("gives undefined for JSON text that is not an object", () => {
    expect(statementsOf("42")).toBeUndefined();
    expect(statementsOf('"text"')).toBeUndefined();
    expect(statementsOf("null")).toBeUndefined();
    expect(statementsOf("true")).toBeUndefined();
  });

  it("gives undefined for an absent, unknown or non-object document", () => {
    expect(statementsOf(undefined)).toBeUndefined();
    expect(statementsOf(null)).toBeUndefined();
    expect(statementsOf(UNKNOWN)).toBeUndefined();
    expect(statementsOf(7)).toBeUndefined();
    expect(statementsOf(false)).toBeUndefined();
  });

  it("gives no statements for a document without Statement", () => {
    expect(statementsOf({ Version: "2012-10-17" })).toEqual([]);
    expect(statementsOf("{}")).toEqual([]);
  });

  it("reads a single Statement object as a one-item list", () => {
    expect(statementsOf({ Statement: { Effect: "Allow", Action: "kms:Decrypt" } })).toEqual([
      statement({ effect: "Allow", actions: ["kms:Decrypt"] }),
    ]);
  });

  it("gives no statements when Statement is a string, number, boolean or unknown", () => {
    expect(statementsOf({ Statement: "Allow" })).toEqual([]);
    expect(statementsOf({ Statement: 3 })).toEqual([]);
    expect(statementsOf({ Statement: true })).toEqual([]);
    expect(statementsOf({ Statement: UNKNOWN_STRING })).toEqual([]);
  });

  it("gives no statements when Statement is null (read as absent)", () => {
    expect(statementsOf({ Statement: null })).toEqual([]);
  });

  it("skips list items that are not objects", () => {
    expect(statementsOf({ Statement: ["Allow", null, 5, { Effect: "Allow" }] })).toEqual([
      statement({ effect: "Allow" }),
    ]);
  });
});

describe("statementsOf: one statement normalised", () => {
  it("keeps only string items of a list and wraps a single string", () => {
    const [only] = statementsOf({
      Statement: [{ Action: ["s3:GetObject", 3, null, "s3:PutObject"], Resource: "arn:aws:s3:::b" }],
    })!;
    expect(only!.actions).toEqual(["s3:GetObject", "s3:PutObject"]);
    expect(only!.resources).toEqual(["arn:aws:s3:::b"]);
  });

  it("reads an action or resource that is neither string nor list as none", () => {
    const [only] = statementsOf({ Statement: [{ Action: { a: "s3:GetObject" }, Resource: 5 }] })!;
    expect(only!.actions).toEqual([]);
    expect(only!.resources).toEqual([]);
  });

  it("reads a non-string Effect as empty", () => {
    expect(statementsOf({ Statement: [{ Effect: 1 }] })).toEqual([empty]);
    expect(statementsOf({ Statement: [{}] })).toEqual([empty]);
  });

  it("reads NotAction as the actions and marks them negated", () => {
    const [only] = statementsOf({ Statement: [{ Effect: "Deny", NotAction: "s3:GetObject" }] })!;
    expect(only).toEqual(statement({ effect: "Deny", actions: ["s3:GetObject"], notActions: true }));
  });

  it("prefers Action over NotAction and does not mark them negated", () => {
    const [only] = statementsOf({ Statement: [{ Action: "s3:GetObject", NotAction: "s3:PutObject" }] })!;
    expect(only!.actions).toEqual(["s3:GetObject"]);
    expect(only!.notActions).toBe(false);
  });

  it("does not mark a statement with neither Action nor NotAction as negated", () => {
    expect(statementsOf({ Statement: [{ Effect: "Allow" }] })![0]!.notActions).toBe(false);
  });

  it("flattens principals of every kind to strings", () => {
    const [only] = statementsOf({
      Statement: [
        {
          Principal: {
            AWS: ["arn:aws:iam::111122223333:root", 7],
            Service: "logs.amazonaws.com",
            Federated: 5,
          },
        },
      ],
    })!;
    expect(only!.principals).toEqual(["arn:aws:iam::111122223333:root", "logs.amazonaws.com"]);
  });

  it("reads a string principal as itself and other principals as none", () => {
    expect(statementsOf({ Statement: [{ Principal: "*" }] })![0]!.principals).toEqual(["*"]);
    expect(statementsOf({ Statement: [{ Principal: 5 }] })![0]!.principals).toEqual([]);
    expect(statementsOf({ Statement: [{ Principal: true }] })![0]!.principals).toEqual([]);
    expect(statementsOf({ Statement: [{ Principal: null }] })![0]!.principals).toEqual([]);
    expect(statementsOf({ Statement: [{}] })![0]!.principals).toEqual([]);
  });

  it("normalises condition values to string lists, booleans included", () => {
    const [only] = statementsOf({
      Statement: [
        {
          Condition: {
            Bool: { "aws:SecureTransport": false, "aws:MultiFactorAuthPresent": true },
            StringEquals: { "aws:SourceVpce": "vpce-1", "aws:PrincipalOrgID": ["o-1", 2, "o-2"] },
            NumericLessThan: { "s3:max-keys": 10 },
          },
        },
      ],
    })!;
    expect(only!.conditions).toEqual({
      Bool: { "aws:SecureTransport": ["false"], "aws:MultiFactorAuthPresent": ["true"] },
      StringEquals: { "aws:SourceVpce": ["vpce-1"], "aws:PrincipalOrgID": ["o-1", "o-2"] },
      NumericLessThan: { "s3:max-keys": [] },
    });
  });

  it("keeps a boolean given as text as that text only", () => {
    const [only] = statementsOf({
      Statement: [{ Condition: { Bool: { "aws:SecureTransport": "false" } } }],
    })!;
    expect(only!.conditions).toEqual({ Bool: { "aws:SecureTransport": ["false"] } });
  });

  it("drops condition operators whose entries are not objects", () => {
    const [only] = statementsOf({
      Statement: [{ Condition: { Bool: "aws:SecureTransport", Null: null, StringLike: 4, IpAddress: {} } }],
    })!;
    expect(only!.conditions).toEqual({ IpAddress: {} });
  });

  it("reads a Condition that is not an object as no conditions", () => {
    expect(statementsOf({ Statement: [{ Condition: "Bool" }] })![0]!.conditions).toEqual({});
    expect(statementsOf({ Statement: [{ Condition: null }] })![0]!.conditions).toEqual({});
  });
});

describe("isOpenToEveryone", () => {
  it("is true for a wildcard principal without conditions", () => {
    expect(isOpenToEveryone(statement({ principals: ["arn:aws:iam::1:root", "*"] }))).toBe(true);
  });

  it("is false when a condition narrows the wildcard", () => {
    expect(
      isOpenToEveryone(
        statement({ principals: ["*"], conditions: { StringEquals: { "aws:SourceVpce": ["v"] } } }),
      ),
    ).toBe(false);
  });

  it("is false without a wildcard principal, conditions or not", () => {
    expect(isOpenToEveryone(statement({ principals: ["arn:aws:iam::1:root"] }))).toBe(false);
    expect(isOpenToEveryone(statement({ principals: [] }))).toBe(false);
  });

  it("reads the AWS wildcard through statementsOf", () => {
    const [only] = statementsOf({ Statement: { Principal: { AWS: "*" }, Effect: "Allow" } })!;
    expect(isOpenToEveryone(only!)).toBe(true);
  });
});
