// Entry point of the secure-ai CrossGuard pack. The Pulumi CLI loads it through a type-checking ts-node,
// which builds a TypeScript program of this file and of everything it imports with types: so this file
// imports nothing. It first routes the repository's `.ts` files to a cached transpile-only loader (see
// register-transpile-only.ts; `tsc --noEmit` type-checks the same files in CI, and the published pack is
// compiled JavaScript), then loads the pack itself from pack.ts. A type import here would make every start
// type-check the pack, the controls catalog and ts-node's and TypeScript's declarations (about 1 s of CPU).
/* eslint-disable @typescript-eslint/no-require-imports -- untyped on purpose, see above */
require("./register-transpile-only");
require("./pack");
